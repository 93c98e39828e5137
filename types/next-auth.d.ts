import "next-auth";
import "next-auth/jwt";

type Role = "INSTRUCTOR" | "STUDENT";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    classId?: string;
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
  }
}
