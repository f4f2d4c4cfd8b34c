import Link from "next/link";
import { ui } from "@/components/ui/styles";

/** One task on a home panel: a sentence, the page where it is done, and its deadline if any. */
export type HomeTask = { text: string; href: string; due?: string; tone?: "warn" | "done" };

export function TaskList({ tasks, label }: { tasks: readonly HomeTask[]; label?: string }) {
  if (tasks.length === 0) return null;
  return (
    <ul aria-label={label} className="mt-2 space-y-1.5 text-sm">
      {tasks.map((task) => (
        <li key={`${task.href}|${task.text}`} className="flex items-baseline gap-2">
          <span aria-hidden="true" className={task.tone === "warn" ? "text-amber-700" : task.tone === "done" ? "text-green-700" : "text-slate-400"}>
            {task.tone === "warn" ? "●" : task.tone === "done" ? "✓" : "○"}
          </span>
          <span>
            <Link href={task.href} className={ui.link}>{task.text}</Link>
            {task.due ? <span className={`ml-2 inline-block ${task.tone === "warn" ? "text-amber-800" : "text-slate-600"}`}>{task.due}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The panel of one role; its first link is the role's main page. */
export function RolePanel({ role, title, organisationName, main, children }: {
  role: string; title: string; organisationName: string; main: { text: string; href: string }; children: React.ReactNode;
}) {
  return (
    <section data-testid={`home-${role}`} aria-labelledby={`role-${role}`} className={`${ui.card} space-y-3`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={`role-${role}`} className="text-lg font-semibold text-brand-800">{title}</h2>
          <p className="text-sm text-slate-600">{organisationName}</p>
        </div>
        <Link href={main.href} className={`${ui.btnSecondary} text-brand-800`}>{main.text}</Link>
      </div>
      {children}
    </section>
  );
}
