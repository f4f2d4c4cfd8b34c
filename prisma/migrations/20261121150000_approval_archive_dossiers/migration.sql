-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('approved', 'sent_back');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('open', 'in_progress', 'done');

-- AlterTable
ALTER TABLE "cycle" ADD COLUMN     "approval_opened_at" TIMESTAMPTZ(3),
ADD COLUMN     "approval_opened_by_id" TEXT,
ADD COLUMN     "approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "approved_by_id" TEXT,
ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "archived_by_id" TEXT;

-- AlterTable
ALTER TABLE "cycle_unit" ADD COLUMN     "adjusted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "cycle_approval" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "decided_by_name" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cycle_approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_unit" (
    "id" TEXT NOT NULL,
    "approval_id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "resolution" TEXT,
    "resolution_note" TEXT,
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "result_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "approval_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "background_job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'running',
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,
    "started_by_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "background_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_entry" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "cycle_name" TEXT NOT NULL,
    "unit_kind" "UnitKind" NOT NULL,
    "scheme_version_id" TEXT NOT NULL,
    "scheme_label" TEXT NOT NULL,
    "total" DECIMAL(6,2) NOT NULL,
    "grade" TEXT,
    "rank_position" INTEGER NOT NULL,
    "rank_of" INTEGER NOT NULL,
    "final_kind" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "docx_stored_name" TEXT NOT NULL,
    "docx_sha256" TEXT NOT NULL,
    "docx_size" INTEGER NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_amendment" (
    "id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rectification" (
    "id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'open',
    "measures" TEXT NOT NULL DEFAULT '',
    "due_on" TEXT,
    "done_on" TEXT,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "review" TEXT,
    "review_comment" TEXT,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compiled_volume" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "stored_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "units" INTEGER NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compiled_volume_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volume_dispatch" (
    "id" TEXT NOT NULL,
    "volume_id" TEXT NOT NULL,
    "recipient_kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sent_on" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "copies" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volume_dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cycle_approval_cycle_id_round_key" ON "cycle_approval"("cycle_id", "round");

-- CreateIndex
CREATE INDEX "approval_unit_cycle_id_resolved_at_idx" ON "approval_unit"("cycle_id", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "approval_unit_approval_id_unit_id_key" ON "approval_unit"("approval_id", "unit_id");

-- CreateIndex
CREATE INDEX "background_job_cycle_id_kind_started_at_idx" ON "background_job"("cycle_id", "kind", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_entry_docx_stored_name_key" ON "dossier_entry"("docx_stored_name");

-- CreateIndex
CREATE INDEX "dossier_entry_organisation_id_year_idx" ON "dossier_entry"("organisation_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_entry_cycle_id_organisation_id_key" ON "dossier_entry"("cycle_id", "organisation_id");

-- CreateIndex
CREATE INDEX "dossier_amendment_entry_id_idx" ON "dossier_amendment"("entry_id");

-- CreateIndex
CREATE INDEX "rectification_organisation_id_status_idx" ON "rectification"("organisation_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "rectification_entry_id_position_key" ON "rectification"("entry_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "compiled_volume_job_id_key" ON "compiled_volume"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "compiled_volume_stored_name_key" ON "compiled_volume"("stored_name");

-- CreateIndex
CREATE INDEX "compiled_volume_cycle_id_created_at_idx" ON "compiled_volume"("cycle_id", "created_at");

-- CreateIndex
CREATE INDEX "volume_dispatch_volume_id_idx" ON "volume_dispatch"("volume_id");

-- AddForeignKey
ALTER TABLE "cycle_approval" ADD CONSTRAINT "cycle_approval_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_unit" ADD CONSTRAINT "approval_unit_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "cycle_approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_amendment" ADD CONSTRAINT "dossier_amendment_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "dossier_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification" ADD CONSTRAINT "rectification_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "dossier_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compiled_volume" ADD CONSTRAINT "compiled_volume_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volume_dispatch" ADD CONSTRAINT "volume_dispatch_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "compiled_volume"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---- Hand-written: immutability and the archive freeze -------------------------------------------
ALTER TABLE "approval_unit" ADD CONSTRAINT "approval_unit_resolution_check" CHECK ("resolution" IS NULL OR "resolution" IN ('rescored', 'unchanged'));
ALTER TABLE "rectification" ADD CONSTRAINT "rectification_review_check" CHECK ("review" IS NULL OR "review" IN ('pending', 'accepted', 'returned'));
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_final_kind_check" CHECK ("final_kind" IN ('initial', 'revised', 'adjusted'));
ALTER TABLE "volume_dispatch" ADD CONSTRAINT "volume_dispatch_kind_check" CHECK ("recipient_kind" IN ('party_committee', 'peoples_congress', 'government', 'cppcc', 'other'));
-- At most one running job of a kind per cycle.
CREATE UNIQUE INDEX "background_job_one_running" ON "background_job"("cycle_id", "kind") WHERE "status" = 'running';

-- Snapshots, amendments, decisions, volumes and dispatch records are never changed or removed.
CREATE FUNCTION refuse_change_always() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 的记录不可修改或删除', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER "dossier_entry_immutable" BEFORE UPDATE OR DELETE ON "dossier_entry" FOR EACH ROW EXECUTE FUNCTION refuse_change_always();
CREATE TRIGGER "dossier_amendment_immutable" BEFORE UPDATE OR DELETE ON "dossier_amendment" FOR EACH ROW EXECUTE FUNCTION refuse_change_always();
CREATE TRIGGER "cycle_approval_immutable" BEFORE UPDATE OR DELETE ON "cycle_approval" FOR EACH ROW EXECUTE FUNCTION refuse_change_always();
CREATE TRIGGER "compiled_volume_immutable" BEFORE UPDATE OR DELETE ON "compiled_volume" FOR EACH ROW EXECUTE FUNCTION refuse_change_always();
CREATE TRIGGER "volume_dispatch_immutable" BEFORE UPDATE OR DELETE ON "volume_dispatch" FOR EACH ROW EXECUTE FUNCTION refuse_change_always();

-- An archived cycle is read-only, whoever asks: its own row and every row that belongs to it.
CREATE FUNCTION cycle_refuse_archived_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'archived' THEN
    RAISE EXCEPTION '评价周期“%”已归档，不能修改', OLD.name USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "cycle_archived_frozen" BEFORE UPDATE OR DELETE ON "cycle" FOR EACH ROW EXECUTE FUNCTION cycle_refuse_archived_change();

CREATE FUNCTION refuse_in_archived_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW.cycle_id];
  ELSIF TG_OP = 'DELETE' THEN ids := ARRAY[OLD.cycle_id];
  ELSE ids := ARRAY[OLD.cycle_id, NEW.cycle_id];
  END IF;
  IF EXISTS (SELECT 1 FROM cycle WHERE id = ANY(ids) AND status = 'archived') THEN
    RAISE EXCEPTION '评价周期已归档，% 不能再修改', TG_TABLE_NAME USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cycle_scheme', 'cycle_unit', 'source_assignment', 'submission', 'fact_entry', 'fact_record',
    'evidence', 'unit_document', 'urge', 'bad_record', 'scoring_run', 'unit_result', 'report_text', 'reevaluation_request',
    'approval_unit']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_in_archived_cycle()', t || '_archived_frozen', t);
  END LOOP;
END $$;

-- Rows that reach their cycle through a parent.
CREATE FUNCTION request_item_refuse_archived() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rid text := CASE WHEN TG_OP = 'DELETE' THEN OLD.request_id ELSE NEW.request_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM reevaluation_request r JOIN cycle c ON c.id = r.cycle_id WHERE r.id = rid AND c.status = 'archived') THEN
    RAISE EXCEPTION '评价周期已归档，复评申请不能再修改' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "request_item_archived_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "request_item" FOR EACH ROW EXECUTE FUNCTION request_item_refuse_archived();
CREATE FUNCTION scoring_run_progress_refuse_archived() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rid text := CASE WHEN TG_OP = 'DELETE' THEN OLD.run_id ELSE NEW.run_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM scoring_run r JOIN cycle c ON c.id = r.cycle_id WHERE r.id = rid AND c.status = 'archived') THEN
    RAISE EXCEPTION '评价周期已归档，评分记录不能再修改' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "scoring_run_progress_archived_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "scoring_run_progress" FOR EACH ROW EXECUTE FUNCTION scoring_run_progress_refuse_archived();
