// An instructor's classes: list and create.
import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { createClass, taughtBy } from "@/server/join/classes";
import { classSchema } from "@/lib/edge/forms";
import { userWithRoleApi } from "@/server/auth/access";
import { roleInput } from "@/app/api/handlers";

export async function GET() {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  const classes = await db.class.findMany({ where: taughtBy(user.id), orderBy: { createdAt: "desc" } });
  return NextResponse.json({ classes });
}

export async function POST(req: Request) {
  return roleInput(req, "INSTRUCTOR", classSchema, async (user, data) => {
    const cls = await createClass(user.id, data.name);
    return NextResponse.json({ id: cls.id, name: cls.name, joinCode: cls.joinCode }, { status: 201 });
  });
}
