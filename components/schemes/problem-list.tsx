import type { Problem } from "@/lib/scoring";

type Props = { title: string; problems: Problem[]; tone: "error" | "warning"; testId?: string };

/** Every problem of a scheme document, each with where it is (its JSON path). */
export function ProblemList({ title, problems, tone, testId }: Props) {
  if (problems.length === 0) return null;
  const colours = tone === "error" ? "bg-red-50 text-red-900 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200";
  return (
    <section role={tone === "error" ? "alert" : "status"} data-testid={testId} className={`rounded-lg p-4 text-sm ring-1 ${colours}`}>
      <h2 className="font-semibold">
        {title}（{problems.length}）
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            {p.message}
            <span className="ml-2 font-mono text-xs opacity-70">{p.path}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
