"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { formatDateCn, now } from "@/lib/clock";
import { throttleUpload } from "@/lib/http/limits";
import { applyUnitImport } from "@/lib/orgs/import/apply";
import { previewUnitList } from "@/lib/orgs/import/check";
import { credentialsWorkbook } from "@/lib/orgs/import/credentials-xlsx";
import { safeFileName, unitImportApplySchema, unitListUploadSchema } from "@/lib/orgs/import/schema";
import type { UnitImportOutcome, UnitListCheckOutcome } from "@/lib/orgs/import/types";

const check = protectedAction({ permission: "import:units:any", schema: unitListUploadSchema }, async (actor, { file }) => {
  await throttleUpload(actor, "unit_list");
  return previewUnitList(new Uint8Array(await file.arrayBuffer()), safeFileName(file.name));
});

const apply = protectedAction({ permission: "import:units:any", schema: unitImportApplySchema }, async (actor, input): Promise<UnitImportOutcome> => {
  await throttleUpload(actor, "unit_list");
  const result = await applyUnitImport(
    actor,
    {
      bytes: new Uint8Array(await input.file.arrayBuffer()),
      fileName: safeFileName(input.file.name),
      fingerprint: input.fingerprint,
      createAccounts: input.createAccounts,
    },
    await requestIp(),
  );
  revalidatePath("/orgs");
  const issued = result.accounts.length > 0;
  return {
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    accounts: result.accounts.length,
    // The passwords leave the server once, in this answer; nothing keeps them.
    credentialsXlsx: issued ? Buffer.from(await credentialsWorkbook(result.accounts)).toString("base64") : null,
    credentialsFileName: issued ? `单位账户初始密码-${formatDateCn(now())}.xlsx` : null,
  };
});

/** Step 1: every problem of the uploaded list, or the preview of what an import would change. */
export async function checkUnitListAction(formData: FormData): Promise<ActionResult<UnitListCheckOutcome>> {
  return check({ file: formData.get("file") });
}

/** Step 2: the same file again with the preview's fingerprint; all or nothing. */
export async function applyUnitImportAction(formData: FormData): Promise<ActionResult<UnitImportOutcome>> {
  return apply({ file: formData.get("file"), fingerprint: formData.get("fingerprint"), createAccounts: formData.get("createAccounts") ?? false });
}
