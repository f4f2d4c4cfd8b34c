import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { addressOf } from "@/lib/http/limits";
import { retryMinutes } from "@/lib/http/rate-limit";
import { baseAuthConfig } from "./config.base";
import { signInWithPassword } from "./sign-in";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

class AccountLocked extends CredentialsSignin {
  constructor(readonly minutesLeft: number) {
    super();
    this.code = `locked:${minutesLeft}`;
  }
}

class TooManyAttempts extends CredentialsSignin {
  constructor(readonly minutesLeft: number) {
    super();
    this.code = `throttled:${minutesLeft}`;
  }
}

const credentialsSchema = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await signInWithPassword(parsed.data.login, parsed.data.password, addressOf(request.headers));
        if (outcome.ok) return { id: outcome.userId, sessionVersion: outcome.sessionVersion };
        if (outcome.reason === "locked") throw new AccountLocked(outcome.minutesLeft);
        if (outcome.reason === "throttled") throw new TooManyAttempts(retryMinutes(outcome.retryAfterMs));
        throw new InvalidCredentials();
      },
    }),
  ],
});
