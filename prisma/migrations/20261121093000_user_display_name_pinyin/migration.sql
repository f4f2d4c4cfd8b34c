-- Sort account names in pinyin order, like organisation names.
ALTER TABLE "app_user" ALTER COLUMN "display_name" TYPE TEXT COLLATE "zh-Hans-CN-x-icu";
