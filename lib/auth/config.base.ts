import type { NextAuthConfig } from "next-auth";

const idleHours = Number(process.env.SESSION_IDLE_HOURS ?? 8) || 8;

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy (which rolls
 * the session cookie forward on activity and turns anonymous visitors to the sign-in page) and by
 * the full configuration in next-auth.ts.
 */
export const baseAuthConfig = {
  trustHost: true,
  // A signed, encrypted JWT cookie; it lapses after SESSION_IDLE_HOURS without a request.
  session: { strategy: "jwt", maxAge: idleHours * 3600, updateAge: 300 },
  pages: { signIn: "/login" },
  // A refused sign-in is an expected outcome (audited by sign-in.ts), not a server error.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.userId = token.sub;
      session.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
