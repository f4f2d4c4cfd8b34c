-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('filed', 'withdrawn', 'decided');

-- AlterTable
ALTER TABLE "cycle_unit" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirmed_by_id" TEXT,
ADD COLUMN     "feedback_ends_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "request_id" TEXT;

-- CreateTable
CREATE TABLE "reevaluation_request" (
    "id" TEXT NOT NULL,
    "cycle_unit_id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'filed',
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "filed_by_id" TEXT,
    "filed_by_name" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "revised_result_id" TEXT,

    CONSTRAINT "reevaluation_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_item" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decision" TEXT,
    "decision_reason" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "request_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reevaluation_request_cycle_unit_id_key" ON "reevaluation_request"("cycle_unit_id");

-- CreateIndex
CREATE INDEX "reevaluation_request_cycle_id_status_idx" ON "reevaluation_request"("cycle_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "request_item_request_id_indicator_code_key" ON "request_item"("request_id", "indicator_code");

-- AddForeignKey
ALTER TABLE "reevaluation_request" ADD CONSTRAINT "reevaluation_request_cycle_unit_id_fkey" FOREIGN KEY ("cycle_unit_id") REFERENCES "cycle_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_item" ADD CONSTRAINT "request_item_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "reevaluation_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "request_item" ADD CONSTRAINT "request_item_decision_check" CHECK ("decision" IS NULL OR "decision" IN ('upheld', 'rejected'));
-- Confirming and requesting exclude each other; a unit's window needs its delivery.
ALTER TABLE "cycle_unit" ADD CONSTRAINT "cycle_unit_feedback_after_issue" CHECK ("confirmed_at" IS NULL OR "issued_at" IS NOT NULL);
CREATE INDEX "evidence_request_id_idx" ON "evidence"("request_id");
