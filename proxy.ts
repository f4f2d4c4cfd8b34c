import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config.base";

const { auth } = NextAuth(baseAuthConfig);

const PUBLIC_PATHS = ["/login", "/api/auth"];

/**
 * Rolls the session forward and sends anonymous visitors to sign-in. This is a convenience, not
 * the check: every page, action and route handler authorizes on the server itself.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.next();
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "请先登录" }, { status: 401 });
  }
  const url = new URL("/login", request.nextUrl);
  if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(url);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
