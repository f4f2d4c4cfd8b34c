// The real HTTP calls of the access matrix and how their answers are read: a page or route answers
// 200 (allowed), 404 or a redirect to sign-in (refused); a server action is called the way React
// encodes it in the browser, and its result's code says whether it got past the permission check.
import { expect, request, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { ActionArgs, RouteRow } from "./access-table";
import { E2E } from "./env";

export type Verdict = "allowed" | "refused" | "error";
export type Answer = { verdict: Verdict; status: number; code?: string; detail?: string };

/** Refusals of protectedAction (lib/actions/safe-action.ts): the permission check and the sign-in check. */
const REFUSALS = new Set(["NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN"]);
export const FOREIGN_ORIGIN = "http://evil.example";
const isRedirect = (status: number) => status >= 300 && status < 400;
const toSignIn = (location: string | undefined) => !!location && new URL(location, E2E.baseUrl).pathname === "/login";

export const anonymous = () => request.newContext({ baseURL: E2E.baseUrl });

/** Signs in through the sign-in page's own server action; the context keeps the session cookie. */
export async function signedIn(login: string, signInActionId: string): Promise<APIRequestContext> {
  const context = await anonymous();
  const body = new FormData();
  body.append("_1_login", login);
  body.append("_1_password", E2E.password);
  // React's reply format: the root (prevState, FormData) goes last, after the fields it refers to.
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await context.post("/login", { headers: { "Next-Action": signInActionId, Origin: E2E.baseUrl }, multipart: body, maxRedirects: 0 });
  expect(response.headers()["x-action-redirect"], `${login} signs in`).toBeTruthy();
  return context;
}

export async function getPage(context: APIRequestContext, url: string, signedInRedirect = false): Promise<Answer> {
  const response = await context.get(url, { maxRedirects: 0 });
  const status = response.status();
  const location = response.headers()["location"];
  await response.dispose();
  if (status === 200) return { verdict: "allowed", status };
  if (status === 404 || (isRedirect(status) && toSignIn(location))) return { verdict: "refused", status };
  if (isRedirect(status) && signedInRedirect) return { verdict: "allowed", status, detail: location };
  return { verdict: "error", status, detail: location };
}

const PDF = `%PDF-1.4\n% access matrix\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`;

/** A route handler's answer; an accepted upload's evidence id goes to `uploaded`. */
export async function callRoute(context: APIRequestContext, row: Pick<RouteRow, "method" | "body">, url: string, cycleId: string, uploaded: string[], origin = E2E.baseUrl): Promise<Answer> {
  let response: APIResponse;
  if (row.method === "GET") {
    response = await context.get(url, { maxRedirects: 0 });
  } else if (row.body === "auth-callback") {
    // Auth.js's own CSRF token, then no credentials: reaching the provider answers "CredentialsSignin".
    const csrf = await context.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    response = await context.post(url, { headers: { Origin: origin }, form: { csrfToken }, maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    if (isRedirect(response.status()) && location.includes("error=CredentialsSignin")) return { verdict: "allowed", status: response.status(), detail: location };
  } else {
    const body = new FormData();
    body.append("cycleId", cycleId);
    body.append("purpose", "evidence");
    body.append("file", new Blob([PDF], { type: "application/pdf" }), "访问矩阵.pdf");
    response = await context.post(url, { headers: { Origin: origin }, multipart: body, maxRedirects: 0 });
  }
  const status = response.status();
  const location = response.headers()["location"];
  if (status === 200 && row.body === "evidence-upload") uploaded.push(((await response.json()) as { file: { id: string } }).file.id);
  await response.dispose();
  if (status === 200) return { verdict: "allowed", status };
  if ([401, 403, 404].includes(status) || (isRedirect(status) && (toSignIn(location) || location?.includes("MissingCSRF")))) return { verdict: "refused", status, detail: location };
  return { verdict: "error", status, detail: location };
}

/** Posts a server action to a page that carries it, encoded as the browser does. */
export async function callAction(context: APIRequestContext, actionId: string, path: string, args: ActionArgs, origin: string | null = E2E.baseUrl): Promise<Answer> {
  const headers: Record<string, string> = { "Next-Action": actionId, Accept: "text/x-component" };
  if (origin !== null) headers.Origin = origin;
  let response: APIResponse;
  if (args.encoding === "json") {
    response = await context.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args.args), maxRedirects: 0 });
  } else {
    const body = new FormData();
    for (const [name, value] of Object.entries(args.fields)) body.append(`_1_${name}`, value);
    body.append("0", JSON.stringify(args.encoding === "state-form" ? [null, "$K1"] : ["$K1"]));
    response = await context.post(path, { headers, multipart: body, maxRedirects: 0 });
  }
  const status = response.status();
  const answer = actionAnswer(status, response.headers(), await response.text());
  await response.dispose();
  return answer;
}

function actionAnswer(status: number, headers: Record<string, string>, text: string): Answer {
  if (isRedirect(status)) return { verdict: toSignIn(headers["location"]) ? "refused" : "error", status, detail: headers["location"] };
  // The action ran and chose where to go (sign-out, a notice, a finished form).
  if (headers["x-action-redirect"]) return { verdict: "allowed", status, detail: headers["x-action-redirect"] };
  if (status !== 200) return { verdict: "error", status, detail: text.slice(0, 200) };
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
  if (code) return { verdict: REFUSALS.has(code) ? "refused" : "allowed", status, code };
  // ok:true, or the sign-in form's own state ({ error, login }).
  if (/"ok":true/.test(text) || (/"error":/.test(text) && !/"ok":false/.test(text))) return { verdict: "allowed", status };
  return { verdict: "error", status, detail: text.slice(0, 200) };
}
