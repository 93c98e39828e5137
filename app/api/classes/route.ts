// An instructor's classes: list and create.
import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { createClass, taughtBy } from "@/server/classes";
import { currentUser, errorResponse, handleError, readJson } from "@/server/http";
import { classSchema } from "@/lib/forms";

export async function GET() {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  const classes = await db.class.findMany({ where: taughtBy(user.id), orderBy: { createdAt: "desc" } });
  return NextResponse.json({ classes });
}

export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  const input = await readJson(req, classSchema);
  if (input.response) return input.response;
  try {
    const cls = await createClass(user.id, input.data.name);
    return NextResponse.json({ id: cls.id, name: cls.name, joinCode: cls.joinCode }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
