// Shared class names, so pages look alike without a component for every element.
export const ui = {
  btnPrimary: "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60",
  btnSecondary: "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60",
  btnDanger: "inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60",
  input: "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600",
  label: "block text-sm font-medium text-slate-700",
  card: "rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200",
  table: "min-w-full text-sm",
  th: "px-3 py-2 text-left font-semibold",
  td: "px-3 py-2",
  alertError: "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800",
  alertOk: "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800",
  link: "text-brand-700 underline hover:text-brand-800",
} as const;
