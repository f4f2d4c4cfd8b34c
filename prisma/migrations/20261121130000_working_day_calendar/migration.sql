-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "source" TEXT,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "date" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE INDEX "calendar_day_year_idx" ON "calendar_day"("year");

-- AddForeignKey
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_year_fkey" FOREIGN KEY ("year") REFERENCES "calendar_year"("year") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "calendar_year" ADD CONSTRAINT "calendar_year_status_check" CHECK ("status" IN ('official', 'draft'));
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_kind_check" CHECK ("kind" IN ('holiday', 'workday'));
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_date_check" CHECK ("date" ~ '^\d{4}-\d{2}-\d{2}$' AND substr("date", 1, 4)::int = "year");
