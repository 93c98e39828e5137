import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { roster, taughtBy } from "@/server/join/classes";
import { liveSessionOfClass } from "@/server/live/sessions";
import { BUILTIN_LESSON } from "@/lib/lessons/exercises";
import LiveRoster from "@/components/join/LiveRoster";
import StartSessionForm from "@/components/classes/StartSessionForm";
import ClassNav from "@/components/classes/ClassNav";
import JoinLockSwitch from "@/components/join/JoinLockSwitch";
import ClassLobby from "@/components/join/ClassLobby";
import { instructorOrSignIn } from "@/app/instructor";

export const dynamic = "force-dynamic";

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await instructorOrSignIn();
  const { id } = await params;
  const cls = await db.class.findFirst({ where: { id, ...taughtBy(user.id) } });
  if (!cls) notFound();
  const tl = await getTranslations("live");
  const [lessons, live] = await Promise.all([
    db.lesson.findMany({
      where: { OR: [{ ownerId: null }, { ownerId: user.id }] },
      orderBy: { createdAt: "asc" },
      include: { _count: { select: { exercises: true } } },
    }),
    liveSessionOfClass(cls.id),
  ]);
  const choices = lessons.map((l) => ({
    id: l.id,
    title: l.slug === BUILTIN_LESSON.slug ? tl("lessons.activation-basics") : l.title,
    exerciseCount: l._count.exercises,
  }));
  return (
    <>
      <h1>{cls.name}</h1>
      <ClassNav classId={cls.id} />
      <StartSessionForm
        classId={cls.id}
        lessons={choices}
        defaultLessonId={lessons.find((l) => l.slug === BUILTIN_LESSON.slug)?.id}
        liveSessionId={live?.id ?? null}
      />
      <ClassLobby code={cls.joinCode} className={cls.name}>
        <LiveRoster classId={cls.id} initial={await roster(cls.id)} />
      </ClassLobby>
      <JoinLockSwitch classId={cls.id} locked={cls.joinLocked} />
    </>
  );
}
