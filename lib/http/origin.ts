// CSRF defence for route handlers that change state (server actions get the same check from Next.js).
// Pure: the request's headers in, a yes or no out.

type HeaderSource = { get(name: string): string | null };

/**
 * Whether a state-changing request comes from the app's own pages. A browser names where a request
 * comes from, in Origin (every POST) and Sec-Fetch-Site; another site, an opaque origin ("null",
 * from a sandboxed frame or a data: page) or a malformed one is refused. A request with neither
 * header is not a browser's cross-site request (it carries no one's cookies but its sender's).
 */
export function isSameOriginRequest(headers: HeaderSource): boolean {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase() ?? "";
  const origin = headers.get("origin");
  if (origin !== null) {
    if (!URL.canParse(origin)) return false;
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && host !== "" && url.host === host;
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
