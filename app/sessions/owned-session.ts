import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db";
import { currentUser } from "@/server/http/http";
import { taughtBy } from "@/server/join/classes";

/** The live session with its class, if the signed-in instructor teaches the class (owner or co-instructor); else sign-in / not found. */
export async function ownedSession(id: string) {
  const user = await currentUser();
  if (!user || user.role !== "INSTRUCTOR") redirect("/signin");
  const session = await db.liveSession.findFirst({ where: { id, class: taughtBy(user.id) }, include: { class: true } });
  if (!session) notFound();
  return session;
}
