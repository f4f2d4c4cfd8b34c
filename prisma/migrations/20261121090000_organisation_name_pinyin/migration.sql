-- Sort unit names the way Chinese staff expect (pinyin order), in the database: ICU's zh-Hans-CN.
-- Requires a PostgreSQL built with ICU (the embedded one and Debian's are).
ALTER TABLE "organisation" ALTER COLUMN "name" TYPE TEXT COLLATE "zh-Hans-CN-x-icu";
