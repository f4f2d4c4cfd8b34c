// docs/access-matrix.md, rendered from the access table (`npm run docs:access` writes it; a unit test
// fails when the file and the table disagree). Pure: the table in, Markdown out.
import { ACTIONS, CALLERS, PAGES, ROUTES, SCOPE_CASES, type Access, type ActionArgs, type Caller, type Ids } from "./access-table";

const CALLER_LABELS: Record<Caller, string> = {
  admin: "系统管理员",
  office: "信用办",
  source: "信源单位",
  unit: "受评单位",
  reviewer: "审批部门",
  anonymous: "未登录",
};

/** Ids shown as placeholders (`:cycle2024`), so the sample calls read as patterns. */
const PLACEHOLDERS = new Proxy({}, { get: (_, key) => `:${String(key)}` }) as Ids;

const allows = (access: Access, caller: Caller) => access === "everyone" || (caller !== "anonymous" && access.includes(caller));
const marks = (access: Access) => CALLERS.map((caller) => (allows(access, caller) ? "✓" : "✗")).join(" | ");
const header = (...columns: string[]) => [`| ${[...columns, ...CALLERS.map((c) => CALLER_LABELS[c])].join(" | ")} |`, `|${[...columns, ...CALLERS].map(() => "---").join("|")}|`];
const code = (text: string) => `\`${text}\``;

function argsText(args: ActionArgs): string {
  if (args.encoding === "json") return code(JSON.stringify(args.args));
  const fields = Object.entries(args.fields).map(([k, v]) => `${k}=${v}`).join("&");
  return fields ? code(fields) : "空表单";
}

export function accessMatrixMarkdown(): string {
  const lines = [
    "# 访问矩阵（Access matrix）",
    "",
    "由 `npm run docs:access` 根据 `tests/e2e/support/access-table.ts` 生成，请勿手工修改。`tests/e2e/access-matrix.spec.ts` 以每个角色（演示账户",
    "admin、office1、src-sfj、unit-fgw、reviewer）和未登录访客对下表的每一行发出真实的 HTTP 请求，并在应用中出现表中没有的页面、接口或服务端操作时失败。",
    "",
    "- ✓ 允许：页面和接口返回 200（已登录用户打开登录页时转到首页）；服务端操作通过权限检查（测试用空白或过期的输入，止于校验，不改动数据）。",
    "- ✗ 拒绝：404；未登录时转到登录页（接口 401）；服务端操作返回 `NOT_FOUND`（或 `UNAUTHENTICATED`、`FORBIDDEN`）。",
    "- 另外：来自其他网站（`Origin` 不符）的服务端操作（每个模块）和 POST 接口（`Origin` 为其他网站或 `null`）都被拒绝；Auth.js 的登录回调没有 CSRF 令牌时被拒绝；未登录访客经由公开的登录页也调用不到任何其他操作；退出登录后原会话失效。",
    "- 示例中的 `:cycle2024` 等是演示数据的编号（见 `Ids`），测试运行时从数据库读取。",
    "",
    `## 页面（${PAGES.length}个）`,
    "",
    ...header("路径", "说明", "示例"),
    ...PAGES.map((p) => `| ${code(p.path)} | ${p.title} | ${code(p.url(PLACEHOLDERS))} | ${marks(p.allow)} |`),
    "",
    `## 接口（route handlers，${ROUTES.length}个）`,
    "",
    ...header("方法", "路径", "说明", "示例"),
    ...ROUTES.map((r) => `| ${r.method} | ${code(r.path)} | ${r.title}${r.state ? "（测试时2025年度周期处于审批中）" : ""} | ${code(r.url(PLACEHOLDERS))} | ${marks(r.allow)} |`),
    "",
    `## 服务端操作（server actions，${ACTIONS.length}个）`,
    "",
    ...header("文件", "操作", "说明"),
    ...ACTIONS.map((a) => `| ${code(a.file)} | ${code(a.name)} | ${a.title} | ${marks(a.allow)} |`),
    "",
    `## 范围情形（${SCOPE_CASES.length}个）`,
    "",
    "角色允许调用的页面、接口和操作，仍只对本角色可见的数据有效：受评单位只看本单位，信源单位只写分配给它的指标，审批部门只在审批中和归档后读取结果。",
    "",
    "| 情形 | 账户 | 调用 | 预期 |",
    "|---|---|---|---|",
    ...SCOPE_CASES.map((c) => {
      const call = "page" in c ? `GET ${code(c.url(PLACEHOLDERS))}` : "route" in c ? `${c.route.split(" ")[0]} ${code(c.url(PLACEHOLDERS))}` : `${code(c.action.split("#")[1]!)} ${argsText(c.args(PLACEHOLDERS))}`;
      const expected = `${c.expect === "allowed" ? "✓ 允许" : "✗ 拒绝"}${c.code ? `（${c.code}）` : ""}${c.unchanged ? "，数据不变" : ""}${c.state ? "（审批中）" : ""}`;
      return `| ${c.title} | ${c.login} | ${call} | ${expected} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
