// The access matrix (spec/quality.md "Security"; spec/access.md "Roles"): every page, route handler
// and server action of the app, who may call it, and how to build a real call from the demo's ids.
// tests/e2e/access-matrix.spec.ts makes every call as every role and as an anonymous visitor, and
// fails when the app has a page, route or action this table does not name (or the other way round);
// scripts/access-matrix-doc.ts renders docs/access-matrix.md from it. Pure data: no Playwright here.

export const ROLES = ["admin", "office", "source", "unit", "reviewer"] as const;
export type Role = (typeof ROLES)[number];
export type Caller = Role | "anonymous";
export const CALLERS: readonly Caller[] = [...ROLES, "anonymous"];

/** The demo account that plays each role (README "Demo accounts"). */
export const ROLE_ACCOUNTS: Readonly<Record<Role, string>> = { admin: "admin", office: "office1", source: "src-sfj", unit: "unit-fgw", reviewer: "reviewer" };

/** The demo's ids the calls are built from (tests/e2e/access-matrix.spec.ts reads them from the database). */
export type Ids = {
  cycle2023: string; cycle2024: string; cycle2025: string; cycle2026: string;
  /** Organisations: 市发改委, 市教育局, 市公安局 (units), 市司法局 (source). */
  fgw: string; jyj: string; gaj: string; sfj: string;
  /** unit-fgw's account. */
  user: string;
  /** Two published scheme versions, and a draft the spec makes (and removes) as office1. */
  scheme: string; scheme2: string; draftScheme: string;
  /** 2024's scoring run, its archive job and compiled volume; 市信访局's decided 2024 request. */
  run2024: string; job2024: string; volume2024: string; request2024: string;
  /** The 2024 dossier entries of 市发改委 and 市教育局, and one of 市发改委's rectification items. */
  entryFgw2024: string; entryJyj2024: string; rectFgw: string; rectFgwVersion: number;
  /** Evidence 市司法局 uploaded, attached to its 2025 record about 市发改委 (an archived cycle takes no new rows). */
  evidence: string;
};

/** "everyone" includes the anonymous visitor; a role list never does. */
export type Access = readonly Role[] | "everyone";
/** The rows whose call only makes sense while a cycle is in approval (the spec puts 2025 there for them). */
export type State = "approval";

export type ActionArgs =
  | { encoding: "state-form"; fields: Record<string, string> } // (prevState, formData)
  | { encoding: "form"; fields: Record<string, string> } // (formData)
  | { encoding: "json"; args: unknown[] }; // plain arguments

export type PageRow = { path: string; title: string; allow: Access; url: (i: Ids) => string; state?: State; signedInRedirect?: boolean };
export type RouteRow = { method: "GET" | "POST"; path: string; title: string; allow: Access; url: (i: Ids) => string; state?: State; body?: "evidence-upload" | "auth-callback" };
export type ActionRow = { file: string; name: string; title: string; allow: Access; args: (i: Ids) => ActionArgs; endsSession?: boolean };

type Target = { page: string; url: (i: Ids) => string } | { route: string; url: (i: Ids) => string } | { action: string; args: (i: Ids) => ActionArgs };
export type ScopeCase = Target & {
  title: string;
  login: string;
  expect: "allowed" | "refused";
  /** The exact answer, where the refusal is the workflow's (e.g. CONFLICT) rather than a 404. */
  code?: string;
  /** A query whose answer must be the same before and after the call. */
  unchanged?: { sql: string; params: (i: Ids) => unknown[] };
  state?: State;
};

const SIGNED_IN = ROLES;
const ADMIN = ["admin"] as const;
const OFFICE = ["office"] as const;
const ADMIN_OFFICE = ["admin", "office"] as const;
const RESULTS = ["office", "reviewer"] as const;
const SOURCE = ["source"] as const;
const UNIT = ["unit"] as const;
const REVIEWER = ["reviewer"] as const;

const page = (path: string, title: string, allow: Access, url: (i: Ids) => string = () => path, more: Partial<PageRow> = {}): PageRow => ({ path, title, allow, url, ...more });
const get = (path: string, title: string, allow: Access, url: (i: Ids) => string = () => path, more: Partial<RouteRow> = {}): RouteRow => ({ method: "GET", path, title, allow, url, ...more });

export const stateForm = (fields: Record<string, string> = {}): ActionArgs => ({ encoding: "state-form", fields });
export const form = (fields: Record<string, string> = {}): ActionArgs => ({ encoding: "form", fields });
export const json = (...args: unknown[]): ActionArgs => ({ encoding: "json", args });
const empty = () => stateForm();

export const PAGES: readonly PageRow[] = [
  page("/login", "登录", "everyone", undefined, { signedInRedirect: true }),
  page("/", "首页（按角色的待办）", SIGNED_IN),
  page("/account/password", "修改本人密码", SIGNED_IN),
  page("/notifications", "本人的通知", SIGNED_IN),
  page("/audit", "审计日志", ADMIN_OFFICE),
  page("/calendar", "工作日历", ADMIN),
  page("/calendar/new", "新增日历年度", ADMIN),
  page("/calendar/[year]", "日历年度", ADMIN, () => "/calendar/2026"),
  page("/users", "账户列表", ADMIN),
  page("/users/new", "新建账户", ADMIN),
  page("/users/[id]", "账户详情", ADMIN, (i) => `/users/${i.user}`),
  page("/orgs", "单位名单", ADMIN_OFFICE),
  page("/orgs/new", "新增单位", ADMIN_OFFICE),
  page("/orgs/import", "导入单位名单", ADMIN_OFFICE),
  page("/orgs/tree", "单位层级", ADMIN_OFFICE),
  page("/orgs/[id]", "单位详情", ADMIN_OFFICE, (i) => `/orgs/${i.fgw}`),
  page("/orgs/[id]/edit", "编辑单位", ADMIN_OFFICE, (i) => `/orgs/${i.fgw}/edit`),
  page("/schemes", "指标体系（已发布的对所有角色公开）", SIGNED_IN),
  page("/schemes/[id]", "指标体系版本", SIGNED_IN, (i) => `/schemes/${i.scheme}`),
  page("/schemes/compare", "比较两个版本", SIGNED_IN, (i) => `/schemes/compare?a=${i.scheme}&b=${i.scheme2}`),
  page("/schemes/new", "新建草稿", OFFICE),
  page("/schemes/import", "导入指标体系", OFFICE),
  page("/schemes/[id]/edit", "编辑草稿", OFFICE, (i) => `/schemes/${i.draftScheme}/edit`),
  page("/cycles", "评价周期", OFFICE),
  page("/cycles/new", "新建评价周期", OFFICE),
  page("/cycles/compare", "年度对比", RESULTS, (i) => `/cycles/compare?a=${i.cycle2023}&b=${i.cycle2024}`),
  page("/cycles/[id]", "周期概览", OFFICE, (i) => `/cycles/${i.cycle2026}`),
  page("/cycles/[id]/schemes", "周期的指标体系", OFFICE, (i) => `/cycles/${i.cycle2026}/schemes`),
  page("/cycles/[id]/units", "受评单位名单", OFFICE, (i) => `/cycles/${i.cycle2026}/units`),
  page("/cycles/[id]/assignments", "数据来源分配", OFFICE, (i) => `/cycles/${i.cycle2026}/assignments`),
  page("/cycles/[id]/collection", "归集完整情况与催办", OFFICE, (i) => `/cycles/${i.cycle2026}/collection`),
  page("/cycles/[id]/monitor", "归集监测", OFFICE, (i) => `/cycles/${i.cycle2026}/monitor`),
  page("/cycles/[id]/facts", "更正指标数据", OFFICE, (i) => `/cycles/${i.cycle2025}/facts?u=${i.fgw}&i=PERFORM.COMPLAINT`),
  page("/cycles/[id]/scoring", "评分", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring`),
  page("/cycles/[id]/scoring/compare", "比较两次评分", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring/compare`),
  page("/cycles/[id]/scoring/runs/[runId]", "一次评分的问题", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring/runs/${i.run2024}`),
  page("/cycles/[id]/results", "评分结果与排名", RESULTS, (i) => `/cycles/${i.cycle2024}/results`),
  page("/cycles/[id]/reports/[unitId]", "单位评价报告", RESULTS, (i) => `/cycles/${i.cycle2024}/reports/${i.fgw}`),
  page("/cycles/[id]/reports/[unitId]/edit", "编辑报告文字", OFFICE, (i) => `/cycles/${i.cycle2024}/reports/${i.fgw}/edit`),
  page("/cycles/[id]/issue", "送达", OFFICE, (i) => `/cycles/${i.cycle2024}/issue`),
  page("/cycles/[id]/requests", "复评申请", OFFICE, (i) => `/cycles/${i.cycle2024}/requests`),
  page("/cycles/[id]/requests/[requestId]", "处理复评申请", OFFICE, (i) => `/cycles/${i.cycle2024}/requests/${i.request2024}`),
  page("/cycles/[id]/approval", "结果审批（信用办）", OFFICE, (i) => `/cycles/${i.cycle2024}/approval`),
  page("/cycles/[id]/archive", "归档与汇编", OFFICE, (i) => `/cycles/${i.cycle2024}/archive`),
  page("/collect", "数据报送", SOURCE),
  page("/collect/import", "用表格批量报送", SOURCE),
  page("/collect/[cycleId]", "本单位负责的指标", SOURCE, (i) => `/collect/${i.cycle2026}`),
  page("/collect/[cycleId]/slot", "一个指标的各单位", SOURCE, (i) => `/collect/${i.cycle2026}/slot?i=LAW.EXAM`),
  page("/collect/[cycleId]/cell", "一个单位的填报", SOURCE, (i) => `/collect/${i.cycle2026}/cell?u=${i.fgw}&i=LAW.EXAM`),
  page("/collect/[cycleId]/submit", "提交报送", SOURCE, (i) => `/collect/${i.cycle2026}/submit`),
  page("/unit", "本单位评价", UNIT),
  page("/unit/[cycleId]", "本单位的周期（自评与承诺）", UNIT, (i) => `/unit/${i.cycle2026}`),
  page("/unit/[cycleId]/report", "本单位的评价报告", UNIT, (i) => `/unit/${i.cycle2024}/report`),
  page("/unit/[cycleId]/request", "本单位的复评申请", UNIT, (i) => `/unit/${i.cycle2024}/request`),
  page("/unit/dossier", "本单位的诚信档案", UNIT),
  page("/unit/dossier/entries/[entryId]", "本单位的档案年度", UNIT, (i) => `/unit/dossier/entries/${i.entryFgw2024}`),
  page("/dossiers", "诚信档案查询", RESULTS),
  page("/dossiers/[orgId]", "一个单位的诚信档案", RESULTS, (i) => `/dossiers/${i.fgw}`),
  page("/dossiers/[orgId]/entries/[entryId]", "档案年度", RESULTS, (i) => `/dossiers/${i.fgw}/entries/${i.entryFgw2024}`),
  page("/review", "结果审批", REVIEWER),
  page("/review/[cycleId]", "审阅一个周期（审批或归档后）", REVIEWER, (i) => `/review/${i.cycle2024}`),
];

export const ROUTES: readonly RouteRow[] = [
  get("/api/auth/[...nextauth]", "会话与登录（Auth.js）", "everyone", () => "/api/auth/session"),
  { method: "POST", path: "/api/auth/[...nextauth]", title: "登录回调（须带 CSRF 令牌）", allow: "everyone", url: () => "/api/auth/callback/credentials", body: "auth-callback" },
  get("/api/orgs/search", "单位选择器的搜索", ADMIN_OFFICE, () => "/api/orgs/search?q=发改"),
  get("/audit/export", "导出审计日志", ADMIN_OFFICE),
  get("/users/export", "导出账户列表", ADMIN),
  get("/orgs/export", "导出单位名单", ADMIN_OFFICE),
  get("/schemes/[id]/download", "下载指标体系（JSON）", SIGNED_IN, (i) => `/schemes/${i.scheme}/download`),
  get("/schemes/[id]/export", "导出指标表（Excel）", SIGNED_IN, (i) => `/schemes/${i.scheme}/export`),
  get("/collect/import/template", "信源单位的报送模板", SOURCE, (i) => `/collect/import/template?cycle=${i.cycle2026}`),
  get("/cycles/[id]/units/export", "导出受评单位名单", OFFICE, (i) => `/cycles/${i.cycle2026}/units/export`),
  get("/cycles/[id]/collection/export", "导出归集完整情况", OFFICE, (i) => `/cycles/${i.cycle2026}/collection/export`),
  get("/cycles/[id]/scoring/progress", "评分进度", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring/progress`),
  get("/cycles/[id]/scoring/units", "选择评分单位", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring/units`),
  get("/cycles/[id]/scoring/runs/[runId]/export", "导出评分问题", OFFICE, (i) => `/cycles/${i.cycle2024}/scoring/runs/${i.run2024}/export`),
  get("/cycles/[id]/results/export", "导出排名", RESULTS, (i) => `/cycles/${i.cycle2024}/results/export`),
  get("/cycles/[id]/reports/[unitId]/docx", "评价报告（Word）", RESULTS, (i) => `/cycles/${i.cycle2024}/reports/${i.fgw}/docx`),
  get("/cycles/[id]/reports/[unitId]/xlsx", "评分表（Excel）", RESULTS, (i) => `/cycles/${i.cycle2024}/reports/${i.fgw}/xlsx`),
  get("/cycles/compare/export", "导出年度对比", RESULTS, (i) => `/cycles/compare/export?a=${i.cycle2023}&b=${i.cycle2024}`),
  get("/cycles/[id]/archive/progress", "归档进度", OFFICE, (i) => `/cycles/${i.cycle2024}/archive/progress?job=${i.job2024}`),
  get("/cycles/[id]/archive/volume/[volumeId]", "下载年度汇编", RESULTS, (i) => `/cycles/${i.cycle2024}/archive/volume/${i.volume2024}`),
  get("/dossiers/export", "导出诚信档案查询结果", RESULTS),
  get("/dossiers/[orgId]/entries/[entryId]/docx", "档案年度的报告（Word）", RESULTS, (i) => `/dossiers/${i.fgw}/entries/${i.entryFgw2024}/docx`),
  get("/review/[cycleId]/units", "审批时选择退回的单位", REVIEWER, (i) => `/review/${i.cycle2025}/units`, { state: "approval" }),
  get("/unit/[cycleId]/report/docx", "本单位的评价报告（Word）", UNIT, (i) => `/unit/${i.cycle2024}/report/docx`),
  get("/unit/[cycleId]/report/xlsx", "本单位的评分表（Excel）", UNIT, (i) => `/unit/${i.cycle2024}/report/xlsx`),
  get("/unit/dossier/entries/[entryId]/docx", "本单位档案年度的报告（Word）", UNIT, (i) => `/unit/dossier/entries/${i.entryFgw2024}/docx`),
  get("/files/[id]", "下载佐证材料（市司法局关于市发改委的记录，周期在审批中）", ["office", "source", "unit", "reviewer"], (i) => `/files/${i.evidence}`, { state: "approval" }),
  { method: "POST", path: "/files", title: "上传佐证材料（信源单位，归集中的周期）", allow: SOURCE, url: () => "/files", body: "evidence-upload" },
];

const COLLECT = "app/(app)/collect/actions.ts";
const CYCLES = "app/(app)/cycles/actions.ts";
const FACTS = "app/(app)/cycles/[id]/facts/actions.ts";
const FEEDBACK = "app/(app)/unit/[cycleId]/feedback-actions.ts";
const USERS = "app/(app)/users/actions.ts";
const SCHEMES = "app/(app)/schemes/actions.ts";
const action = (file: string, name: string, title: string, allow: Access, args: (i: Ids) => ActionArgs = empty, more: Partial<ActionRow> = {}): ActionRow => ({ file, name, title, allow, args, ...more });

// Allowed calls carry empty input: they get past the permission check and stop at validation
// (INVALID), so the matrix never changes the demo data the other specs use.
export const ACTIONS: readonly ActionRow[] = [
  action("app/login/actions.ts", "signInAction", "登录", "everyone"),
  action("app/(app)/actions.ts", "signOutAction", "退出登录（结束本人的全部会话）", SIGNED_IN, () => json(), { endsSession: true }),
  action("app/(app)/account/password/actions.ts", "changePasswordAction", "修改本人密码", SIGNED_IN),
  action("app/(app)/notifications/actions.ts", "markNotificationsReadAction", "标记本人的通知已读", SIGNED_IN, () => json([])),
  action("app/(app)/notifications/actions.ts", "markAllNotificationsReadAction", "本人的通知全部已读", SIGNED_IN, () => json()),
  action("app/(app)/notifications/actions.ts", "openNotificationAction", "打开本人的一条通知", SIGNED_IN, () => form()),
  action("app/(app)/calendar/actions.ts", "saveCalendarYearAction", "保存日历年度", ADMIN),
  action("app/(app)/calendar/actions.ts", "deleteCalendarYearAction", "删除日历年度", ADMIN),
  action(USERS, "createUserAction", "新建账户", ADMIN),
  action(USERS, "updateUserAction", "修改账户", ADMIN),
  action(USERS, "resetPasswordAction", "重置密码", ADMIN),
  action(USERS, "lockUserAction", "锁定账户", ADMIN),
  action(USERS, "unlockUserAction", "解锁账户", ADMIN),
  action(USERS, "deactivateUserAction", "停用账户", ADMIN),
  action(USERS, "reactivateUserAction", "重新启用账户", ADMIN),
  action("app/(app)/orgs/actions.ts", "saveOrganisationAction", "新增或修改单位", ADMIN_OFFICE),
  action("app/(app)/orgs/actions.ts", "setOrganisationActiveAction", "停用或启用单位", ADMIN_OFFICE),
  action("app/(app)/orgs/import/actions.ts", "checkUnitListAction", "检查单位名单", ADMIN_OFFICE, () => form()),
  action("app/(app)/orgs/import/actions.ts", "applyUnitImportAction", "导入单位名单", ADMIN_OFFICE, () => form()),
  action(SCHEMES, "createSchemeDraftAction", "新建指标体系草稿", OFFICE),
  action(SCHEMES, "importSchemeAction", "导入指标体系", OFFICE),
  action(SCHEMES, "saveSchemeDraftAction", "保存草稿", OFFICE, () => json({})),
  action(SCHEMES, "publishSchemeAction", "发布草稿", OFFICE, () => json({})),
  action(SCHEMES, "deleteSchemeDraftAction", "删除草稿", OFFICE),
  action(CYCLES, "createCycleAction", "新建评价周期", OFFICE),
  action(CYCLES, "updateCycleAction", "修改周期设置", OFFICE),
  action(CYCLES, "setCycleSchemeAction", "选择指标体系", OFFICE),
  action(CYCLES, "enrolUnitsAction", "纳入受评单位", OFFICE),
  action(CYCLES, "unenrolUnitsAction", "移出受评单位", OFFICE),
  action(CYCLES, "applyDefaultAssignmentsAction", "应用默认数据来源", OFFICE),
  action(CYCLES, "setAssignmentAction", "分配数据来源", OFFICE),
  action(CYCLES, "openCollectionAction", "开始数据归集", OFFICE),
  action(CYCLES, "closeCollectionAction", "结束数据归集", OFFICE),
  action("app/(app)/collect/office-actions.ts", "returnSubmissionAction", "退回信源单位的报送", OFFICE),
  action("app/(app)/collect/office-actions.ts", "reopenSubmissionAction", "重新开放信源单位的报送", OFFICE),
  action("app/(app)/cycles/[id]/collection/actions.ts", "urgeAction", "催办", OFFICE),
  action("app/(app)/cycles/[id]/collection/actions.ts", "badRecordAction", "记入不良记录", OFFICE),
  action("app/(app)/cycles/[id]/collection/actions.ts", "allBadRecordsAction", "为全部逾期单位记入不良记录", OFFICE),
  action(COLLECT, "addRecordAction", "添加记录", SOURCE),
  action(COLLECT, "withdrawRecordAction", "撤回记录", SOURCE),
  action(COLLECT, "saveValueAction", "填报数值", SOURCE),
  action(COLLECT, "markNoneAction", "标记为“无”", SOURCE),
  action(COLLECT, "markNotApplicableAction", "标记为“不涉及”", SOURCE),
  action(COLLECT, "markNoneForAllAction", "全部无记录的单位标记为“无”", SOURCE),
  action(COLLECT, "submitSubmissionAction", "提交报送", SOURCE),
  action("app/(app)/collect/import/actions.ts", "importFactsAction", "用表格批量报送", SOURCE, () => form()),
  action(FACTS, "correctValueAction", "更正数值", OFFICE),
  action(FACTS, "correctAddRecordAction", "补录记录", OFFICE),
  action(FACTS, "correctWithdrawRecordAction", "撤回记录（更正）", OFFICE),
  action(FACTS, "correctToNoneAction", "更正为“无”", OFFICE),
  action(FACTS, "correctToNotApplicableAction", "更正为“不涉及”", OFFICE),
  action("app/(app)/cycles/[id]/scoring/actions.ts", "startScoringAction", "开始评分", OFFICE),
  action("app/(app)/cycles/[id]/reports/actions.ts", "saveReportTextAction", "保存报告文字", OFFICE, () => json({})),
  action("app/(app)/cycles/[id]/reports/actions.ts", "issueReportsAction", "送达报告", OFFICE),
  action(FEEDBACK, "confirmResultAction", "确认初评结果", UNIT),
  action(FEEDBACK, "fileRequestAction", "申请复评", UNIT, () => json({})),
  action(FEEDBACK, "withdrawRequestAction", "撤回复评申请", UNIT),
  action("app/(app)/cycles/[id]/requests/actions.ts", "decideItemAction", "决定复评的一项", OFFICE),
  action("app/(app)/cycles/[id]/requests/actions.ts", "completeReviewAction", "完成复评", OFFICE),
  action("app/(app)/cycles/[id]/approval/actions.ts", "openApprovalAction", "提交审批", OFFICE),
  action("app/(app)/cycles/[id]/approval/actions.ts", "resolveSendBackAction", "处理审批退回", OFFICE),
  action("app/(app)/review/[cycleId]/actions.ts", "decideApprovalAction", "批准或退回", REVIEWER),
  action("app/(app)/cycles/[id]/archive/actions.ts", "startArchiveAction", "归档", OFFICE),
  action("app/(app)/cycles/[id]/archive/actions.ts", "startVolumeAction", "生成汇编", OFFICE),
  action("app/(app)/cycles/[id]/archive/actions.ts", "recordDispatchAction", "记录报送情况", OFFICE),
  action("app/(app)/dossiers/actions.ts", "reviewRectificationAction", "审核整改情况", OFFICE),
  action("app/(app)/dossiers/actions.ts", "addAmendmentAction", "更正归档结果", OFFICE),
  action("app/(app)/unit/dossier/actions.ts", "updateRectificationAction", "报送本单位的整改情况", UNIT),
];

/** The key a scope case names its target by: a page path, "METHOD path", or "file#exportedName". */
export const routeKey = (r: Pick<RouteRow, "method" | "path">) => `${r.method} ${r.path}`;
export const actionKey = (a: Pick<ActionRow, "file" | "name">) => `${a.file}#${a.name}`;

const cell = (i: Ids, unitId: string, indicatorCode: string) => ({ cycleId: i.cycle2026, unitId, indicatorCode, subKey: "" });
const confirmedAt = { sql: "SELECT confirmed_at FROM cycle_unit WHERE cycle_id = $1 AND organisation_id = $2", params: (i: Ids) => [i.cycle2024, i.gaj] };
const requests = { sql: "SELECT count(*)::int AS n FROM reevaluation_request WHERE unit_id = $1", params: (i: Ids) => [i.gaj] };

export const SCOPE_CASES: readonly ScopeCase[] = [
  // A unit reads and acts for its own organisation only.
  { title: "受评单位读取他单位的评价报告", login: "unit-fgw", page: "/cycles/[id]/reports/[unitId]", url: (i) => `/cycles/${i.cycle2024}/reports/${i.jyj}`, expect: "refused" },
  { title: "受评单位下载他单位的评价报告（Word）", login: "unit-fgw", route: "GET /cycles/[id]/reports/[unitId]/docx", url: (i) => `/cycles/${i.cycle2024}/reports/${i.jyj}/docx`, expect: "refused" },
  { title: "受评单位下载他单位的评分表（Excel）", login: "unit-fgw", route: "GET /cycles/[id]/reports/[unitId]/xlsx", url: (i) => `/cycles/${i.cycle2024}/reports/${i.jyj}/xlsx`, expect: "refused" },
  { title: "受评单位打开他单位的档案年度", login: "unit-fgw", page: "/unit/dossier/entries/[entryId]", url: (i) => `/unit/dossier/entries/${i.entryJyj2024}`, expect: "refused" },
  { title: "受评单位下载他单位档案年度的报告", login: "unit-fgw", route: "GET /unit/dossier/entries/[entryId]/docx", url: (i) => `/unit/dossier/entries/${i.entryJyj2024}/docx`, expect: "refused" },
  { title: "另一受评单位打开市发改委的档案年度", login: "unit-jyj", page: "/unit/dossier/entries/[entryId]", url: (i) => `/unit/dossier/entries/${i.entryFgw2024}`, expect: "refused" },
  { title: "受评单位打开他单位的诚信档案（信用办页面）", login: "unit-fgw", page: "/dossiers/[orgId]", url: (i) => `/dossiers/${i.jyj}`, expect: "refused" },
  { title: "受评单位打开他单位的复评申请", login: "unit-fgw", page: "/cycles/[id]/requests/[requestId]", url: (i) => `/cycles/${i.cycle2024}/requests/${i.request2024}`, expect: "refused" },
  { title: "提出申请的单位通过信用办页面打开本单位的申请", login: "unit-xfj", page: "/cycles/[id]/requests/[requestId]", url: (i) => `/cycles/${i.cycle2024}/requests/${i.request2024}`, expect: "refused" },
  { title: "提出申请的单位打开本单位的复评申请页", login: "unit-xfj", page: "/unit/[cycleId]/request", url: (i) => `/unit/${i.cycle2024}/request`, expect: "allowed" },
  { title: "受评单位在送达前读取本单位的报告", login: "unit-jyj", page: "/unit/[cycleId]/report", url: (i) => `/unit/${i.cycle2025}/report`, expect: "refused" },
  { title: "受评单位在送达前下载本单位的报告", login: "unit-jyj", route: "GET /unit/[cycleId]/report/docx", url: (i) => `/unit/${i.cycle2025}/report/docx`, expect: "refused" },
  { title: "受评单位保存他单位的报告文字", login: "unit-fgw", action: "app/(app)/cycles/[id]/reports/actions.ts#saveReportTextAction", args: (i) => json({ cycleId: i.cycle2024, unitId: i.jyj, expectedVersion: 0, items: [] }), expect: "refused" },
  {
    title: "受评单位以他单位的编号确认结果（编号被忽略，只作用于本单位：本单位已确认）", login: "unit-jyj", action: `${FEEDBACK}#confirmResultAction`,
    args: (i) => stateForm({ cycleId: i.cycle2024, unitId: i.gaj, organisationId: i.gaj }), expect: "refused", code: "CONFLICT", unchanged: confirmedAt,
  },
  {
    title: "受评单位以他单位的编号申请复评（编号被忽略，只作用于本单位：反馈期已过）", login: "unit-jyj", action: `${FEEDBACK}#fileRequestAction`,
    args: (i) => json({ cycleId: i.cycle2024, unitId: i.gaj, items: [{ indicatorCode: "LAW.EXAM", reason: "以他单位名义提出的申请" }] }), expect: "refused", code: "CONFLICT", unchanged: requests,
  },
  { title: "受评单位报送他单位的整改情况", login: "unit-jyj", action: "app/(app)/unit/dossier/actions.ts#updateRectificationAction", args: (i) => stateForm({ id: i.rectFgw, version: String(i.rectFgwVersion), status: "open" }), expect: "refused" },
  { title: "受评单位报送本单位的整改情况（版本过期，未作修改）", login: "unit-fgw", action: "app/(app)/unit/dossier/actions.ts#updateRectificationAction", args: (i) => stateForm({ id: i.rectFgw, version: "999", status: "open" }), expect: "allowed", code: "STALE" },
  { title: "受评单位下载关于本单位记录的佐证材料", login: "unit-fgw", route: "GET /files/[id]", url: (i) => `/files/${i.evidence}`, expect: "allowed" },
  { title: "受评单位下载关于他单位记录的佐证材料", login: "unit-jyj", route: "GET /files/[id]", url: (i) => `/files/${i.evidence}`, expect: "refused" },
  // A source reads and writes the indicators assigned to it only.
  { title: "信源单位打开未分配给它的指标", login: "src-sfj", page: "/collect/[cycleId]/slot", url: (i) => `/collect/${i.cycle2026}/slot?i=LAW.DISHONEST`, expect: "refused" },
  { title: "信源单位打开未分配指标的单位填报", login: "src-sfj", page: "/collect/[cycleId]/cell", url: (i) => `/collect/${i.cycle2026}/cell?u=${i.fgw}&i=LAW.DISHONEST`, expect: "refused" },
  { title: "信源单位为未分配的指标添加记录", login: "src-sfj", action: `${COLLECT}#addRecordAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "LAW.DISHONEST"), occurredOn: "2026-03-02", description: "越权添加的记录", referenceNo: "鹤司考〔2026〕99号" }), expect: "refused" },
  { title: "信源单位为已分配的指标添加记录（日期不在年度内，未写入）", login: "src-sfj", action: `${COLLECT}#addRecordAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "LAW.EXAM"), occurredOn: "2000-01-01", description: "日期有误的记录", referenceNo: "鹤司考〔2026〕99号" }), expect: "allowed", code: "INVALID" },
  { title: "信源单位将未分配的指标标记为“无”", login: "src-sfj", action: `${COLLECT}#markNoneAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "LAW.DISHONEST"), expectedVersion: "0" }), expect: "refused" },
  { title: "信源单位将已分配的指标标记为“无”（版本过期，未写入）", login: "src-sfj", action: `${COLLECT}#markNoneAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "LAW.EXAM"), expectedVersion: "999" }), expect: "allowed", code: "STALE" },
  { title: "信源单位将未分配的指标标记为“不涉及”", login: "src-sfj", action: `${COLLECT}#markNotApplicableAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "LAW.DISHONEST"), expectedVersion: "0", reason: "越权标记" }), expect: "refused" },
  { title: "信源单位批量标记未分配的指标", login: "src-sfj", action: `${COLLECT}#markNoneForAllAction`, args: (i) => stateForm({ cycleId: i.cycle2026, indicatorCode: "LAW.DISHONEST" }), expect: "refused" },
  { title: "信源单位填报其他单位牵头的数值指标", login: "src-sfj", action: `${COLLECT}#saveValueAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "DILIGENT.TARGET"), expectedVersion: "0" }), expect: "refused" },
  { title: "牵头单位填报本单位的数值指标（版本过期或数值有误，未写入）", login: "src-kpb", action: `${COLLECT}#saveValueAction`, args: (i) => stateForm({ ...cell(i, i.fgw, "DILIGENT.TARGET"), expectedVersion: "999" }), expect: "allowed" },
  { title: "信源单位下载其他信源单位的佐证材料", login: "src-court", route: "GET /files/[id]", url: (i) => `/files/${i.evidence}`, expect: "refused" },
  { title: "同为受评单位的信源单位账户打开受评单位页面", login: "src-xfj", page: "/unit", url: () => "/unit", expect: "refused" },
  // A reviewer reads results only once the cycle is in approval or archived.
  { title: "审批部门在审批前读取排名", login: "reviewer", page: "/cycles/[id]/results", url: (i) => `/cycles/${i.cycle2025}/results`, expect: "refused" },
  { title: "审批部门在审批前读取单位报告", login: "reviewer", page: "/cycles/[id]/reports/[unitId]", url: (i) => `/cycles/${i.cycle2025}/reports/${i.fgw}`, expect: "refused" },
  { title: "审批部门在审批前下载单位报告", login: "reviewer", route: "GET /cycles/[id]/reports/[unitId]/docx", url: (i) => `/cycles/${i.cycle2025}/reports/${i.fgw}/docx`, expect: "refused" },
  { title: "审批部门在审批前导出排名", login: "reviewer", route: "GET /cycles/[id]/results/export", url: (i) => `/cycles/${i.cycle2025}/results/export`, expect: "refused" },
  { title: "审批部门在审批前打开审阅页（评分中）", login: "reviewer", page: "/review/[cycleId]", url: (i) => `/review/${i.cycle2025}`, expect: "refused" },
  { title: "审批部门在审批前打开审阅页（归集中）", login: "reviewer", page: "/review/[cycleId]", url: (i) => `/review/${i.cycle2026}`, expect: "refused" },
  { title: "审批部门在审批前选择退回单位", login: "reviewer", route: "GET /review/[cycleId]/units", url: (i) => `/review/${i.cycle2025}/units`, expect: "refused" },
  { title: "审批部门对比包含未审批年度的结果", login: "reviewer", route: "GET /cycles/compare/export", url: (i) => `/cycles/compare/export?a=${i.cycle2024}&b=${i.cycle2025}`, expect: "refused" },
  { title: "审批部门下载未审批年度记录的佐证材料", login: "reviewer", route: "GET /files/[id]", url: (i) => `/files/${i.evidence}`, expect: "refused" },
  { title: "审批部门在审批前批准（周期不在审批阶段）", login: "reviewer", action: "app/(app)/review/[cycleId]/actions.ts#decideApprovalAction", args: (i) => stateForm({ cycleId: i.cycle2025, decision: "approved", comment: "同意批准" }), expect: "refused", code: "CONFLICT" },
  { title: "审批部门在审批中打开审阅页", login: "reviewer", page: "/review/[cycleId]", url: (i) => `/review/${i.cycle2025}`, expect: "allowed", state: "approval" },
  { title: "审批部门在审批中读取排名", login: "reviewer", page: "/cycles/[id]/results", url: (i) => `/cycles/${i.cycle2025}/results`, expect: "allowed", state: "approval" },
  // Published schemes are everyone's reading; drafts are the office's.
  { title: "审批部门打开指标体系草稿", login: "reviewer", page: "/schemes/[id]", url: (i) => `/schemes/${i.draftScheme}`, expect: "refused" },
  { title: "受评单位下载指标体系草稿", login: "unit-fgw", route: "GET /schemes/[id]/download", url: (i) => `/schemes/${i.draftScheme}/download`, expect: "refused" },
  { title: "信源单位导出指标体系草稿", login: "src-sfj", route: "GET /schemes/[id]/export", url: (i) => `/schemes/${i.draftScheme}/export`, expect: "refused" },
  { title: "信用办打开指标体系草稿", login: "office1", page: "/schemes/[id]", url: (i) => `/schemes/${i.draftScheme}`, expect: "allowed" },
  // Staff URLs check that the pieces belong together.
  { title: "信用办以他单位的编号打开档案年度", login: "office1", page: "/dossiers/[orgId]/entries/[entryId]", url: (i) => `/dossiers/${i.jyj}/entries/${i.entryFgw2024}`, expect: "refused" },
  { title: "信用办以他单位的编号下载档案年度的报告", login: "office1", route: "GET /dossiers/[orgId]/entries/[entryId]/docx", url: (i) => `/dossiers/${i.jyj}/entries/${i.entryFgw2024}/docx`, expect: "refused" },
];
