"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { importFactSheet, type FactImportOutcome } from "@/lib/collection/import";
import { MAX_IMPORT_BYTES } from "@/lib/collection/spreadsheet";
import { throttleUpload } from "@/lib/http/limits";
import { safeFileName } from "@/lib/orgs/import/schema";

const importSchema = z.object({
  cycleId: z.string({ error: "缺少评价周期" }).trim().min(1, "缺少评价周期").max(60),
  file: z
    .instanceof(File, { message: "请选择填好的模板文件" })
    .refine((f) => f.size > 0, "文件是空的")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, "文件超过 5 MB，请拆分后分批导入")
    .refine((f) => /\.xlsx$/i.test(f.name), "只能上传 Excel 模板（.xlsx）"),
  blankRecordsAsNone: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  checkOnly: z.preprocess((v) => v === "check", z.boolean()),
});

const run = protectedAction({ permission: "submit:facts:assigned", schema: importSchema }, async (actor, input): Promise<FactImportOutcome> => {
  await throttleUpload(actor, "facts_sheet");
  const outcome = await importFactSheet(
    actor,
    { cycleId: input.cycleId, bytes: new Uint8Array(await input.file.arrayBuffer()), fileName: safeFileName(input.file.name), blankRecordsAsNone: input.blankRecordsAsNone, checkOnly: input.checkOnly },
    await requestIp(),
  );
  if (outcome.status === "imported") revalidatePath("/", "layout");
  return outcome;
});

/** Checks (mode "check") or imports (mode "import") a filled template; all rows or none. */
export async function importFactsAction(formData: FormData): Promise<ActionResult<FactImportOutcome>> {
  return run({ cycleId: formData.get("cycleId"), file: formData.get("file"), blankRecordsAsNone: formData.get("blankRecordsAsNone") ?? false, checkOnly: formData.get("mode") });
}
