import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { taughtBy } from "@/server/join/classes";
import { instructorOrSignIn } from "@/app/instructor";

/** The live session with its class, if the signed-in instructor teaches the class (owner or co-instructor); else sign-in / not found. */
export async function ownedSession(id: string) {
  const user = await instructorOrSignIn();
  const session = await db.liveSession.findFirst({ where: { id, class: taughtBy(user.id) }, include: { class: true } });
  if (!session) notFound();
  return session;
}
