-- Evaluation cycles and data collection (spec/workflow.md "Cycle states", "Data collection").
-- Generated with: prisma migrate diff --from-schema-datamodel <previous schema> --to-schema-datamodel prisma/schema.prisma --script
-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('draft', 'collecting', 'scoring', 'feedback', 'approval', 'archived');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('draft', 'submitted', 'returned');

-- CreateEnum
CREATE TYPE "FactAnswer" AS ENUM ('records', 'value', 'none', 'not_applicable');

-- CreateEnum
CREATE TYPE "UnitDocumentKind" AS ENUM ('self_assessment', 'commitments');

-- CreateTable
CREATE TABLE "cycle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'draft',
    "collection_deadline" TEXT NOT NULL,
    "commitments_deadline" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" TEXT,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_scheme" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_kind" "UnitKind" NOT NULL,
    "scheme_version_id" TEXT NOT NULL,

    CONSTRAINT "cycle_scheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_unit" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "unit_kind" "UnitKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cycle_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_assignment" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "scheme_version_id" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "sub_key" TEXT NOT NULL DEFAULT '',
    "source_org_id" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "source_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "source_org_id" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'draft',
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by_id" TEXT,
    "return_comment" TEXT,
    "reopened_until" TIMESTAMPTZ(3),
    "reopen_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_entry" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "source_org_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "sub_key" TEXT NOT NULL DEFAULT '',
    "answer" "FactAnswer" NOT NULL,
    "value" JSONB,
    "updated_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fact_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_record" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "source_org_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "sub_key" TEXT NOT NULL DEFAULT '',
    "item_key" TEXT NOT NULL DEFAULT '',
    "occurred_on" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reference_no" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" TEXT,
    "withdraw_reason" TEXT,

    CONSTRAINT "fact_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT,
    "owner_org_id" TEXT NOT NULL,
    "record_id" TEXT,
    "entry_id" TEXT,
    "original_name" TEXT NOT NULL,
    "stored_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_document" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "kind" "UnitDocumentKind" NOT NULL,
    "evidence_id" TEXT NOT NULL,
    "note" TEXT,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "urge" (
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "target_org_id" TEXT NOT NULL,
    "target_role" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "urged_by_id" TEXT,
    "urged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "urge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bad_record" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "cycle_id" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bad_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cycle_year_idx" ON "cycle"("year");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_scheme_cycle_id_unit_kind_key" ON "cycle_scheme"("cycle_id", "unit_kind");

-- CreateIndex
CREATE INDEX "cycle_unit_cycle_id_unit_kind_idx" ON "cycle_unit"("cycle_id", "unit_kind");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_unit_cycle_id_organisation_id_key" ON "cycle_unit"("cycle_id", "organisation_id");

-- CreateIndex
CREATE INDEX "source_assignment_cycle_id_source_org_id_idx" ON "source_assignment"("cycle_id", "source_org_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_assignment_cycle_id_scheme_version_id_indicator_code_key" ON "source_assignment"("cycle_id", "scheme_version_id", "indicator_code", "sub_key", "source_org_id");

-- CreateIndex
CREATE UNIQUE INDEX "submission_cycle_id_source_org_id_key" ON "submission"("cycle_id", "source_org_id");

-- CreateIndex
CREATE INDEX "fact_entry_cycle_id_unit_id_idx" ON "fact_entry"("cycle_id", "unit_id");

-- CreateIndex
CREATE INDEX "fact_entry_cycle_id_indicator_code_idx" ON "fact_entry"("cycle_id", "indicator_code");

-- CreateIndex
CREATE UNIQUE INDEX "fact_entry_cycle_id_source_org_id_unit_id_indicator_code_su_key" ON "fact_entry"("cycle_id", "source_org_id", "unit_id", "indicator_code", "sub_key");

-- CreateIndex
CREATE INDEX "fact_record_cycle_id_unit_id_indicator_code_idx" ON "fact_record"("cycle_id", "unit_id", "indicator_code");

-- CreateIndex
CREATE INDEX "fact_record_cycle_id_source_org_id_idx" ON "fact_record"("cycle_id", "source_org_id");

-- CreateIndex
CREATE INDEX "fact_record_cycle_id_reference_no_idx" ON "fact_record"("cycle_id", "reference_no");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_stored_name_key" ON "evidence"("stored_name");

-- CreateIndex
CREATE INDEX "evidence_record_id_idx" ON "evidence"("record_id");

-- CreateIndex
CREATE INDEX "evidence_entry_id_idx" ON "evidence"("entry_id");

-- CreateIndex
CREATE INDEX "unit_document_cycle_id_unit_id_kind_idx" ON "unit_document"("cycle_id", "unit_id", "kind");

-- CreateIndex
CREATE INDEX "urge_cycle_id_target_org_id_idx" ON "urge"("cycle_id", "target_org_id");

-- CreateIndex
CREATE INDEX "bad_record_organisation_id_idx" ON "bad_record"("organisation_id");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "cycle_scheme" ADD CONSTRAINT "cycle_scheme_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_scheme" ADD CONSTRAINT "cycle_scheme_scheme_version_id_fkey" FOREIGN KEY ("scheme_version_id") REFERENCES "scheme_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_unit" ADD CONSTRAINT "cycle_unit_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_unit" ADD CONSTRAINT "cycle_unit_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_assignment" ADD CONSTRAINT "source_assignment_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_assignment" ADD CONSTRAINT "source_assignment_source_org_id_fkey" FOREIGN KEY ("source_org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_source_org_id_fkey" FOREIGN KEY ("source_org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_entry" ADD CONSTRAINT "fact_entry_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_entry" ADD CONSTRAINT "fact_entry_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_record" ADD CONSTRAINT "fact_record_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_record" ADD CONSTRAINT "fact_record_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "fact_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

