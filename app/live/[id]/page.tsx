import { redirect } from "next/navigation";
import { currentUser } from "@/server/http";
import StudentSession from "@/components/StudentSession";

export const dynamic = "force-dynamic";

/** A student's view of a live session; who may enter is checked by the server on session:enter. */
export default async function LivePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || user.role !== "STUDENT") redirect("/");
  const { id } = await params;
  return <StudentSession sessionId={id} />;
}
