// Every server action, classified by how it keeps a concurrent change from being lost (issue 10
// item 4). An edit of something that already exists carries the version the page was read at and is
// refused as stale when another edit came first; a one-shot step is refused the second time; the
// rest only add rows or touch the caller's own state. Each edit and one-shot step names the test
// that proves it (file and test title), and this file fails when an action is added without a line
// here or a named test disappears.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Proof = { file: string; title: string };
type Entry =
  | { kind: "edit"; lock: "expectedVersion" | "expectedLock" | "lock" | "version" | "fingerprint"; proof: Proof }
  | { kind: "once"; proof: Proof }
  | { kind: "adds" | "own" | "session" | "read"; why: string };

const p = (file: string, title: string): Proof => ({ file: `tests/integration/${file}.test.ts`, title });
const edit = (lock: Extract<Entry, { kind: "edit" }>["lock"], proof: Proof): Entry => ({ kind: "edit", lock, proof });
const once = (proof: Proof): Entry => ({ kind: "once", proof });

const STALE_CYCLE = p("cycles", "refuses a stale version");
const STALE_USER = p("users-admin", "changes the fields with before/after in the audit log, and refuses a stale copy without overwriting");
const STALE_SCHEME = p("schemes", "saves with the lock, refuses a stale lock and keeps the other edit");
const STALE_CELL = p("collection", "refuses none while records exist; stale versions are refused");
const STALE_CORRECTION = p("corrections", "refuses a stale expectedVersion");
const STALE_CALENDAR = p("calendar", "refuses a second creation of the year and a save on a stale copy");

/** Keyed by "<file under app/>#<exported action>". */
const ACTIONS: Record<string, Entry> = {
  "(app)/account/password/actions.ts#changePasswordAction": edit("expectedVersion", p("change-password", "refuses a stale form (optimistic locking) without changing anything")),
  "(app)/actions.ts#signOutAction": { kind: "session", why: "ends the caller's own sessions" },
  "login/actions.ts#signInAction": { kind: "session", why: "starts a session; failures counted per account and per address" },
  "(app)/calendar/actions.ts#saveCalendarYearAction": edit("lock", STALE_CALENDAR),
  "(app)/calendar/actions.ts#deleteCalendarYearAction": edit("lock", STALE_CALENDAR),
  "(app)/collect/actions.ts#saveValueAction": edit("expectedVersion", p("concurrency", "a source's answer")),
  "(app)/collect/actions.ts#markNoneAction": edit("expectedVersion", STALE_CELL),
  "(app)/collect/actions.ts#markNotApplicableAction": edit("expectedVersion", STALE_CELL),
  "(app)/collect/actions.ts#markNoneForAllAction": { kind: "adds", why: "answers only cells with no answer and no record, in one statement" },
  "(app)/collect/actions.ts#addRecordAction": { kind: "adds", why: "a new record row; existing records are never edited" },
  "(app)/collect/actions.ts#withdrawRecordAction": once(p("collection", "keeps a withdrawn record with its reason; it no longer counts")),
  "(app)/collect/actions.ts#submitSubmissionAction": once(p("collection", "submits, locks, returns with a comment, and lets the source correct and resubmit")),
  "(app)/collect/import/actions.ts#importFactsAction": { kind: "adds", why: "holds the submission row FOR UPDATE; answers bumped a version each, records added, all audited" },
  "(app)/collect/office-actions.ts#returnSubmissionAction": once(p("collection", "submits, locks, returns with a comment, and lets the source correct and resubmit")),
  "(app)/collect/office-actions.ts#reopenSubmissionAction": once(p("collection", "reopening a submitted source returns it")),
  "(app)/cycles/[id]/approval/actions.ts#openApprovalAction": edit("version", p("archive", "a cycle goes to approval only when every unit's result is final, and the reviewers are told")),
  "(app)/cycles/[id]/approval/actions.ts#resolveSendBackAction": edit("version", p("archive", "send back, re-score, approve, archive: snapshots, rectification, freeze, volume and dispatch")),
  "(app)/cycles/[id]/archive/actions.ts#startArchiveAction": once(p("archive", "an archive that fails stores nothing: the cycle stays in approval with no entries, and can be archived again")),
  "(app)/cycles/[id]/archive/actions.ts#startVolumeAction": { kind: "adds", why: "every compilation is kept; one running job per cycle (unique index)" },
  "(app)/cycles/[id]/archive/actions.ts#recordDispatchAction": { kind: "adds", why: "an insert-only dispatch record" },
  "(app)/cycles/[id]/collection/actions.ts#urgeAction": { kind: "adds", why: "notices and an urge row" },
  "(app)/cycles/[id]/collection/actions.ts#badRecordAction": once(p("close-collection", "gives every party urged and still late a bad record, in the same transaction as the move")),
  "(app)/cycles/[id]/collection/actions.ts#allBadRecordsAction": once(p("close-collection", "gives every party urged and still late a bad record, in the same transaction as the move")),
  "(app)/cycles/[id]/facts/actions.ts#correctValueAction": edit("expectedVersion", STALE_CORRECTION),
  "(app)/cycles/[id]/facts/actions.ts#correctToNoneAction": edit("expectedVersion", STALE_CORRECTION),
  "(app)/cycles/[id]/facts/actions.ts#correctToNotApplicableAction": edit("expectedVersion", STALE_CORRECTION),
  "(app)/cycles/[id]/facts/actions.ts#correctAddRecordAction": { kind: "adds", why: "a new record row with the office's reason" },
  "(app)/cycles/[id]/facts/actions.ts#correctWithdrawRecordAction": once(p("corrections", "adds a record for the source, withdraws it with both reasons, and keeps it")),
  "(app)/cycles/[id]/reports/actions.ts#saveReportTextAction": edit("expectedVersion", p("concurrency", "the report's problems and suggestions")),
  "(app)/cycles/[id]/reports/actions.ts#issueReportsAction": once(p("report-issue", "delivers selected units only; later runs leave them alone; unscored units and a running run are refused")),
  "(app)/cycles/[id]/requests/actions.ts#decideItemAction": once(p("decisions", "four eyes: neither the staff member who scored the unit nor one who edited its report may decide")),
  "(app)/cycles/[id]/requests/actions.ts#completeReviewAction": once(p("decisions", "partly upheld: the facts corrected with a reason, only this unit re-scored; the revised result is final and the unit told")),
  "(app)/cycles/[id]/scoring/actions.ts#startScoringAction": once(p("concurrency", "scoring runs of one cycle started at once: one runs, the others are told a run is under way")),
  "(app)/cycles/actions.ts#createCycleAction": { kind: "adds", why: "a new cycle; one per year (unique)" },
  "(app)/cycles/actions.ts#updateCycleAction": edit("expectedVersion", p("concurrency", "a cycle's name and deadlines")),
  "(app)/cycles/actions.ts#setCycleSchemeAction": edit("expectedVersion", STALE_CYCLE),
  "(app)/cycles/actions.ts#enrolUnitsAction": edit("expectedVersion", STALE_CYCLE),
  "(app)/cycles/actions.ts#unenrolUnitsAction": edit("expectedVersion", STALE_CYCLE),
  "(app)/cycles/actions.ts#setAssignmentAction": edit("expectedVersion", STALE_CYCLE),
  "(app)/cycles/actions.ts#applyDefaultAssignmentsAction": edit("expectedVersion", STALE_CYCLE),
  "(app)/cycles/actions.ts#openCollectionAction": edit("expectedVersion", p("cycles", "refuses set-up once collecting, except extending the deadlines")),
  "(app)/cycles/actions.ts#closeCollectionAction": edit("expectedVersion", p("cycles", "computes the gaps in SQL, needs a reason when any, and records who is late")),
  "(app)/dossiers/actions.ts#reviewRectificationAction": edit("version", p("dossiers", "refuses a review against a stale page, and of two reports at the same version only one is kept")),
  "(app)/dossiers/actions.ts#addAmendmentAction": { kind: "adds", why: "an insert-only amendment beside the immutable snapshot" },
  "(app)/unit/dossier/actions.ts#updateRectificationAction": edit("version", p("dossiers", "refuses a review against a stale page, and of two reports at the same version only one is kept")),
  "(app)/notifications/actions.ts#markNotificationsReadAction": { kind: "own", why: "the caller's own read marks; idempotent" },
  "(app)/notifications/actions.ts#markAllNotificationsReadAction": { kind: "own", why: "the caller's own read marks; idempotent" },
  "(app)/notifications/actions.ts#openNotificationAction": { kind: "own", why: "the caller's own read mark; idempotent" },
  "(app)/orgs/actions.ts#saveOrganisationAction": edit("expectedVersion", p("concurrency", "an organisation")),
  "(app)/orgs/actions.ts#setOrganisationActiveAction": edit("expectedVersion", p("organisations", "edits with optimistic locking: a stale edit is refused and the other edit survives")),
  "(app)/orgs/import/actions.ts#checkUnitListAction": { kind: "read", why: "a preview; writes nothing" },
  "(app)/orgs/import/actions.ts#applyUnitImportAction": edit("fingerprint", p("unit-import", "a stale preview (a unit created meanwhile with one of the codes) is refused and leaves nothing behind")),
  "(app)/review/[cycleId]/actions.ts#decideApprovalAction": once(p("archive", "send back, re-score, approve, archive: snapshots, rectification, freeze, volume and dispatch")),
  "(app)/schemes/actions.ts#createSchemeDraftAction": { kind: "adds", why: "a new draft version" },
  "(app)/schemes/actions.ts#importSchemeAction": { kind: "adds", why: "a new draft version" },
  "(app)/schemes/actions.ts#saveSchemeDraftAction": edit("expectedLock", STALE_SCHEME),
  "(app)/schemes/actions.ts#publishSchemeAction": edit("expectedLock", STALE_SCHEME),
  "(app)/schemes/actions.ts#deleteSchemeDraftAction": edit("expectedLock", STALE_SCHEME),
  "(app)/unit/[cycleId]/feedback-actions.ts#confirmResultAction": once(p("concurrency", "a unit confirming and filing a request at once: exactly one of them is kept")),
  "(app)/unit/[cycleId]/feedback-actions.ts#fileRequestAction": once(p("feedback", "50 concurrent requests for one unit store exactly one; the others are told it is already filed")),
  "(app)/unit/[cycleId]/feedback-actions.ts#withdrawRequestAction": once(p("feedback", "withdrawing before a decision counts as confirming; it cannot be filed again")),
  "(app)/users/actions.ts#createUserAction": { kind: "adds", why: "a new account; usernames unique in the database" },
  "(app)/users/actions.ts#updateUserAction": edit("expectedVersion", STALE_USER),
  "(app)/users/actions.ts#resetPasswordAction": edit("expectedVersion", STALE_USER),
  "(app)/users/actions.ts#lockUserAction": edit("expectedVersion", STALE_USER),
  "(app)/users/actions.ts#unlockUserAction": edit("expectedVersion", STALE_USER),
  "(app)/users/actions.ts#deactivateUserAction": edit("expectedVersion", STALE_USER),
  "(app)/users/actions.ts#reactivateUserAction": edit("expectedVersion", STALE_USER),
};

const ROOT = path.resolve(__dirname, "../../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** "<file under app/>#<name>" of every exported function of every "use server" file. */
function serverActions(): string[] {
  const appDir = path.join(ROOT, "app");
  return files(appDir)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) => {
      const text = readFileSync(f, "utf8");
      if (!/^\s*["']use server["']/.test(text)) return [];
      return [...text.matchAll(/^export async function (\w+)/gm)].map((m) => `${path.relative(appDir, f)}#${m[1]}`);
    })
    .sort();
}

const titlesCache = new Map<string, string>();
function fileText(file: string): string {
  if (!titlesCache.has(file)) titlesCache.set(file, readFileSync(path.join(ROOT, file), "utf8"));
  return titlesCache.get(file)!;
}

describe("every server action keeps concurrent changes from being lost", () => {
  it("classifies every server action, and no action that no longer exists", () => {
    const found = serverActions();
    expect(found.length).toBeGreaterThan(60);
    expect(found.filter((a) => !(a in ACTIONS)), "add these actions to ACTIONS with their lock and proof").toEqual([]);
    expect(Object.keys(ACTIONS).filter((a) => !found.includes(a)), "these actions are gone; remove them from ACTIONS").toEqual([]);
  });

  it.each(Object.entries(ACTIONS).filter(([, e]) => e.kind === "edit" || e.kind === "once"))("%s: its proof exists", (_action, entry) => {
    const proof = (entry as { proof: Proof }).proof;
    expect(fileText(proof.file), `${proof.file} has no test titled "${proof.title}"`).toContain(`it(${JSON.stringify(proof.title)}`);
  });
});
