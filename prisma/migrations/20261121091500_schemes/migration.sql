-- Indicator schemes, stored as versions of the integrity-scheme/v1 document.
CREATE TYPE "SchemeStatus" AS ENUM ('draft', 'published');

CREATE TABLE "scheme_version" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "SchemeStatus" NOT NULL DEFAULT 'draft',
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "document" JSONB NOT NULL,
    "based_on_id" TEXT,
    "created_by_id" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" TEXT,
    "lock" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "scheme_version_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "scheme_version_code_version_key" ON "scheme_version"("code", "version");
CREATE INDEX "scheme_version_status_idx" ON "scheme_version"("status");
ALTER TABLE "scheme_version" ADD CONSTRAINT "scheme_version_based_on_id_fkey"
  FOREIGN KEY ("based_on_id") REFERENCES "scheme_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A published version never changes and is never deleted (cycles pin it): whoever asks.
CREATE FUNCTION scheme_version_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'scheme_version % v% is published and immutable: % refused', OLD.code, OLD.version, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER scheme_version_published_immutable
  BEFORE UPDATE OR DELETE ON "scheme_version"
  FOR EACH ROW EXECUTE FUNCTION scheme_version_refuse_published_change();
