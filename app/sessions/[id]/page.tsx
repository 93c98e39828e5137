import LiveBoard from "@/components/board/LiveBoard";
import OutageBanner from "@/components/live/OutageBanner";
import { ownedSession } from "../owned-session";

export const dynamic = "force-dynamic";

/** The live board of one session: for the instructor of the session's class only. */
export default async function SessionBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await ownedSession(id);
  return (
    <>
      <OutageBanner />
      <LiveBoard sessionId={session.id} className={session.class.name} />
    </>
  );
}
