// Lessons an instructor can run: the built-in ones and their own.
import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { currentUser, errorResponse } from "@/server/http";

export async function GET() {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  const lessons = await db.lesson.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: user.id }] },
    orderBy: { createdAt: "asc" },
    include: { exercises: { orderBy: { position: "asc" } } },
  });
  return NextResponse.json({ lessons });
}
