-- CreateEnum
CREATE TYPE "ScoringRunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "cycle_unit" ADD COLUMN     "current_result_id" TEXT,
ADD COLUMN     "issued_at" TIMESTAMPTZ(3),
ADD COLUMN     "issued_by_id" TEXT,
ADD COLUMN     "issued_result_id" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "scoring_run" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ScoringRunStatus" NOT NULL DEFAULT 'running',
    "selected_unit_ids" TEXT[],
    "started_by_id" TEXT,
    "started_by_name" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "unit_count" INTEGER NOT NULL DEFAULT 0,
    "problem_count" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB,
    "error" TEXT,

    CONSTRAINT "scoring_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scoring_run_progress" (
    "run_id" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scoring_run_progress_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "unit_result" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "unit_kind" "UnitKind" NOT NULL,
    "scheme_version_id" TEXT NOT NULL,
    "total" DECIMAL(6,2) NOT NULL,
    "grade" TEXT,
    "rank" INTEGER NOT NULL,
    "categories" JSONB NOT NULL,
    "indicators" JSONB NOT NULL,
    "facts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_text" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "result_id" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "edited_by_id" TEXT,
    "edited_by_name" TEXT,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_text_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scoring_run_cycle_id_status_idx" ON "scoring_run"("cycle_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "scoring_run_cycle_id_number_key" ON "scoring_run"("cycle_id", "number");

-- CreateIndex
CREATE INDEX "unit_result_cycle_id_unit_id_idx" ON "unit_result"("cycle_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_result_run_id_unit_id_key" ON "unit_result"("run_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_text_cycle_id_unit_id_version_key" ON "report_text"("cycle_id", "unit_id", "version");

-- AddForeignKey
ALTER TABLE "cycle_unit" ADD CONSTRAINT "cycle_unit_current_result_id_fkey" FOREIGN KEY ("current_result_id") REFERENCES "unit_result"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_unit" ADD CONSTRAINT "cycle_unit_issued_result_id_fkey" FOREIGN KEY ("issued_result_id") REFERENCES "unit_result"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scoring_run" ADD CONSTRAINT "scoring_run_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_result" ADD CONSTRAINT "unit_result_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "scoring_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one running scoring run per cycle: a second start is refused by the database.
CREATE UNIQUE INDEX "scoring_run_one_running" ON "scoring_run"("cycle_id") WHERE "status" = 'running';

-- Results and report texts are never edited: a new run or a new text version is a new row.
CREATE OR REPLACE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "unit_result_immutable" BEFORE UPDATE ON "unit_result" FOR EACH ROW EXECUTE FUNCTION refuse_update();
CREATE TRIGGER "report_text_immutable" BEFORE UPDATE OR DELETE ON "report_text" FOR EACH ROW EXECUTE FUNCTION refuse_update();
