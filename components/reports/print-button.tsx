"use client";

import { ui } from "@/components/ui/styles";

export function PrintButton() {
  return (
    <button type="button" className={ui.btnSecondary} onClick={() => window.print()}>
      打印
    </button>
  );
}
