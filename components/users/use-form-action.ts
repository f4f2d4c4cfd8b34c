"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type FormAction<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState driven from onSubmit: unlike `<form action>`, a refused submission does not reset
 * the form, so the admin corrects the marked field instead of typing everything again.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const errors: Record<string, string[]> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, onSubmit, errors };
}
