// Lessons an instructor can run: the built-in ones and their own.
import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { errorResponse } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

export async function GET() {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  const lessons = await db.lesson.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: user.id }] },
    orderBy: { createdAt: "asc" },
    include: { exercises: { orderBy: { position: "asc" } } },
  });
  return NextResponse.json({ lessons });
}
