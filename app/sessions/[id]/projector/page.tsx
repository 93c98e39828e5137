import LiveBoard from "@/components/board/LiveBoard";
import { ownedSession } from "../../owned-session";

export const dynamic = "force-dynamic";

/** The board for the projector: no controls, large type, names hidden by default. */
export default async function SessionProjectorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await ownedSession(id);
  return <LiveBoard sessionId={session.id} className={session.class.name} projector />;
}
