import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import HomeworkExercise from "@/components/homework/HomeworkExercise";
import PracticeLinkNote from "@/components/lessons/PracticeLinkNote";
import { homeworkForPage } from "@/server/auth/access";

export const dynamic = "force-dynamic";

/** One homework exercise, with the same component as in a live session. */
export default async function HomeworkExercisePage({ params }: { params: Promise<{ id: string; position: string }> }) {
  const { id, position } = await params;
  const { assignment } = await homeworkForPage(id);
  const exercise = assignment.lesson.exercises.find((e) => e.position + 1 === Number(position));
  const config = exercise ? exerciseConfigSchema.safeParse(exercise.config) : null;
  if (!exercise || !config?.success) notFound();
  const t = await getTranslations("homework");
  return (
    <>
      <p><Link href={`/homework/${assignment.id}`}>{t("back")}</Link></p>
      <h1>{t("exerciseTitle", { lesson: assignment.lesson.title, position: exercise.position + 1, type: t(`types.${exercise.type}`) })}</h1>
      <PracticeLinkNote href={config.data.practiceLink} />
      <HomeworkExercise assignmentId={assignment.id} exerciseId={exercise.id} config={config.data} />
    </>
  );
}
