"use client";

import { useTransition, type FormEvent } from "react";

/**
 * React resets a form's fields after an `action` completes, so a refused form would lose what the
 * user typed. Submitting through onSubmit keeps the fields as they are; the server's answer (field
 * errors) shows beside them.
 */
export function useSubmitKeepingValues(formAction: (data: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
