-- 备注 column of the unit list (seed 000 table), and trigram search on unit names.
ALTER TABLE "organisation" ADD COLUMN "note" TEXT;

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "organisation_name_trgm_idx" ON "organisation" USING gin ("name" gin_trgm_ops);
