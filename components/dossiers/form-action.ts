import type { ActionResult } from "@/lib/actions/safe-action";

/** A dossier form's server action, as useActionState drives it. */
export type DossierFormAction = (prev: ActionResult<{ message: string }> | null, formData: FormData) => Promise<ActionResult<{ message: string }>>;
