"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type CollectAction = (prev: ActionResult<{ message: string }> | null, formData: FormData) => Promise<ActionResult<{ message: string }>>;

/** useActionState driven from onSubmit, so a refused form keeps what was typed; `onDone` runs after success. */
export function useCollectForm(action: CollectAction, onDone?: () => void) {
  const [state, dispatch, pending] = useActionState<ActionResult<{ message: string }> | null, FormData>(async (prev, data) => {
    const result = await action(prev, data);
    if (result.ok) onDone?.();
    return result;
  }, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const errors: Record<string, string[]> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, onSubmit, errors };
}

export function ResultMessage({ state }: { state: ActionResult<{ message: string }> | null }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{state.data.message}</p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state.error}</p>
  );
}
