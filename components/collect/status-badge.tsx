import { cellStatusLabel, type CellStatus } from "@/lib/collection/derive";
import { STATUS_STYLE } from "./format";

export function CellStatusBadge({ status }: { status: CellStatus }) {
  return <span data-status={status.kind} className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status.kind]}`}>{cellStatusLabel(status)}</span>;
}
