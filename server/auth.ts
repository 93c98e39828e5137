// next-auth: instructors sign in with email + password; students join a class with code + nickname
// and get a student session (JWT cookie, no password) that survives a refresh.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "./db";
import { verifyPassword } from "./password";
import { DomainError, joinClass } from "./classes";
import { hub } from "./bridge";
import { firstError, joinSchema, signInSchema } from "@/lib/forms";
import { RevokedSession, revokeUserSessions, sessionIsCurrent } from "./revocation";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 30 },
  pages: { signIn: "/signin" },
  // Sign-out revokes every token of the account (server/revocation.ts), not just this cookie.
  events: {
    async signOut({ token }) {
      if (token?.uid) await revokeUserSessions(token.uid);
    },
  },
  logger: {
    error(code, meta) {
      // A revoked token is an expected answer ("no session"), not a server error.
      if (code === "JWT_SESSION_ERROR" && (meta as { message?: string })?.message === "session revoked") return;
      console.error(`[next-auth][error][${code}]`, meta);
    },
  },
  providers: [
    Credentials({
      id: "instructor",
      name: "Instructor",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new Error(firstError(parsed.error));
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        if (!user?.passwordHash || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          throw new Error("badCredentials");
        }
        return { id: user.id, name: user.name, email: user.email, role: "INSTRUCTOR", sessionVersion: user.sessionVersion };
      },
    }),
    Credentials({
      id: "student",
      name: "Student",
      credentials: { code: { type: "text" }, nickname: { type: "text" } },
      async authorize(raw) {
        const parsed = joinSchema.safeParse(raw);
        if (!parsed.success) throw new Error(firstError(parsed.error));
        try {
          const { user, cls } = await joinClass(parsed.data.code, parsed.data.nickname);
          hub()?.rosterChanged(cls.id);
          return { id: user.id, name: user.name, role: "STUDENT", classId: cls.id, sessionVersion: user.sessionVersion };
        } catch (e) {
          if (e instanceof DomainError) throw new Error(e.code);
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.classId = user.classId;
        token.sv = user.sessionVersion ?? 0;
      } else if (!(await sessionIsCurrent(token.uid, token.sv))) {
        throw new RevokedSession(); // signed out elsewhere, or the account was deleted: no session
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email, classId: token.classId };
      return session;
    },
  },
};
