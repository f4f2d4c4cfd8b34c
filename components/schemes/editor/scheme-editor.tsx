"use client";

import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { validateScheme, type SchemeDocument } from "@/lib/scoring";
import { editScheme, locateProblem, type EditorAction } from "@/lib/schemes/editor-state";
import { CategoryForm } from "./category-form";
import { IndicatorForm } from "./indicator-form";
import { Outline, type Selection } from "./outline";
import { fieldId, indexProblems, ProblemsProvider } from "./problems-context";
import { ProblemsPanel } from "./problems-panel";
import type { StoredFact } from "./sample-facts";
import { SampleUnits } from "./sample-units";
import { SaveBar, type PublishAction, type SaveDraftAction } from "./save-bar";
import { SchemeForm } from "./scheme-form";

type Props = {
  id: string;
  lock: number;
  document: SchemeDocument;
  sourceOptions: string[];
  saveAction: SaveDraftAction;
  publishAction: PublishAction;
};

/** The selection if it still exists in the draft, else the nearest thing that does. */
function existing(doc: SchemeDocument, selection: Selection): Selection {
  if (selection.kind === "scheme") return selection;
  const category = doc.categories[selection.c];
  if (category === undefined) return { kind: "scheme" };
  if (selection.kind === "indicator" && category.indicators[selection.i] === undefined) return { kind: "category", c: selection.c };
  return selection;
}

function selectionFor(path: string): Selection {
  const { c, i } = locateProblem(path);
  if (c === undefined) return { kind: "scheme" };
  return i === undefined ? { kind: "category", c } : { kind: "indicator", c, i };
}

/** A path and the paths enclosing it, each also with ".kind" (a rule's first field). */
function enclosingPaths(path: string): string[] {
  const out: string[] = [];
  for (let p = path; p !== ""; ) {
    out.push(p, `${p}.kind`);
    const next = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, "");
    if (next === p) break;
    p = next;
  }
  return out;
}

/** Focuses the field of a JSON path, or of the nearest enclosing path that has one. */
function focusPath(path: string): void {
  const found = enclosingPaths(path)
    .map((p) => document.getElementById(fieldId(p)))
    .find((el) => el !== null);
  const target = found ?? document.querySelector<HTMLElement>("#main h2");
  if (!target) return;
  if (!target.matches("input, select, textarea, button")) target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "center" });
  target.focus();
}

/** Where the selection goes after an edit that adds or moves what it points at. */
function followEdit(doc: SchemeDocument, selection: Selection, action: EditorAction): Selection {
  switch (action.type) {
    case "addCategory":
      return { kind: "category", c: doc.categories.length };
    case "addIndicator":
      return { kind: "indicator", c: action.c, i: doc.categories[action.c]?.indicators.length ?? 0 };
    case "moveCategory":
      return selection.kind !== "scheme" && selection.c === action.c ? { ...selection, c: action.c + action.by } : selection;
    case "moveIndicator":
      return selection.kind === "indicator" && selection.c === action.at.c && selection.i === action.at.i ? { ...selection, i: action.at.i + action.by } : selection;
    default:
      return selection;
  }
}

/** The draft editor: outline, problems, the selected part's form with its live preview, and the sample units. */
export function SchemeEditor({ id, lock, document: initial, sourceOptions, saveAction, publishAction }: Props) {
  const [doc, apply] = useReducer(editScheme, initial);
  const [savedSnapshot, setSavedSnapshot] = useState(() => JSON.stringify(initial));
  const [picked, setPicked] = useState<Selection>(() => (initial.categories[0]?.indicators[0] ? { kind: "indicator", c: 0, i: 0 } : { kind: "scheme" }));
  const [previewFacts, setPreviewFacts] = useState<Record<string, StoredFact>>({});
  const focusAfterRender = useRef<string | null>(null);
  const validation = useMemo(() => validateScheme(doc), [doc]);
  const problems = useMemo(() => indexProblems(validation.errors, validation.warnings), [validation]);
  const selection = existing(doc, picked);
  const dirty = JSON.stringify(doc) !== savedSnapshot;

  useEffect(() => {
    const path = focusAfterRender.current;
    if (path === null) return;
    focusAfterRender.current = null;
    focusPath(path);
  });

  const dispatch = (action: EditorAction) => {
    apply(action);
    setPicked(followEdit(doc, selection, action));
  };

  const jump = (path: string) => {
    focusAfterRender.current = path;
    setPicked(selectionFor(path));
  };

  let main: React.ReactNode;
  if (selection.kind === "scheme") {
    main = <SchemeForm doc={doc} dispatch={dispatch} />;
  } else if (selection.kind === "category") {
    const category = doc.categories[selection.c];
    main = category ? (
      <CategoryForm category={category} c={selection.c} count={doc.categories.length} dispatch={dispatch} onSelectIndicator={(i) => setPicked({ kind: "indicator", c: selection.c, i })} />
    ) : null;
  } else {
    const category = doc.categories[selection.c];
    const indicator = category?.indicators[selection.i];
    main =
      category && indicator ? (
        <IndicatorForm
          key={`${selection.c}-${selection.i}`}
          indicator={indicator}
          at={{ c: selection.c, i: selection.i }}
          count={category.indicators.length}
          categoryName={category.name}
          notApplicable={doc.notApplicable ?? "full_marks"}
          sourceOptions={sourceOptions}
          stored={previewFacts[indicator.code]}
          onStored={(stored) => setPreviewFacts({ ...previewFacts, [indicator.code]: stored })}
          dispatch={dispatch}
        />
      ) : null;
  }

  return (
    <ProblemsProvider value={problems}>
      <div className="space-y-4">
        <SaveBar id={id} initialLock={lock} doc={doc} dirty={dirty} errorCount={validation.errors.length} onSaved={setSavedSnapshot} saveAction={saveAction} publishAction={publishAction} />
        <div className="grid items-start gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <aside className="space-y-4 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto">
            <ProblemsPanel doc={doc} errors={validation.errors} warnings={validation.warnings} onJump={jump} />
            <Outline doc={doc} selection={selection} onSelect={setPicked} dispatch={dispatch} />
          </aside>
          <div className="min-w-0 space-y-4">{main}</div>
        </div>
        <SampleUnits doc={doc} />
      </div>
    </ProblemsProvider>
  );
}
