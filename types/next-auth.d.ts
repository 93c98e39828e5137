import "next-auth";
import "next-auth/jwt";

type Role = "INSTRUCTOR" | "STUDENT";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    classId?: string;
    /** The user's sessionVersion when signed in (server/auth/revocation.ts). */
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email?: string | null; classId?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    classId?: string;
    /** The sessionVersion this token was issued at; a bumped version revokes it. */
    sv?: number;
  }
}
