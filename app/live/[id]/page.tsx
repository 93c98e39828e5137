import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db";
import { currentUser } from "@/server/http/http";
import StudentSession from "@/components/live/StudentSession";

export const dynamic = "force-dynamic";

/** A student's view of a live session; whether they may enter is checked by the server on session:enter. */
export default async function LivePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || user.role !== "STUDENT") redirect("/");
  const { id } = await params;
  const session = await db.liveSession.findUnique({ where: { id }, select: { classId: true } });
  if (!session) notFound();
  return <StudentSession sessionId={id} classId={session.classId} />;
}
