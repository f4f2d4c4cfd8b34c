import type { NextRequest } from "next/server";
import { crossSiteRefusal } from "@/lib/auth/api";
import { handlers } from "@/lib/auth/next-auth";

export const { GET } = handlers;

/** Auth.js checks its own CSRF token too; a cross-site post never reaches it. */
export async function POST(request: NextRequest): Promise<Response> {
  return crossSiteRefusal(request) ?? handlers.POST(request);
}
