import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import ExercisePresetForm from "@/components/lessons/ExercisePresetForm";
import LessonTitleForm from "@/components/lessons/LessonTitleForm";
import { instructorOrSignIn } from "@/app/instructor";

export const dynamic = "force-dynamic";

export default async function LessonEditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await instructorOrSignIn();
  const { id } = await params;
  const lesson = await db.lesson.findFirst({
    where: { id, ownerId: user.id },
    include: { exercises: { orderBy: { position: "asc" } } },
  });
  if (!lesson) notFound();
  const t = await getTranslations("lessons");
  return (
    <>
      <h1>{t("editTitle")}</h1>
      <LessonTitleForm lessonId={lesson.id} title={lesson.title} />
      {lesson.exercises.map((e) => {
        const config = exerciseConfigSchema.safeParse(e.config);
        return config.success ? (
          <ExercisePresetForm key={e.id} lessonId={lesson.id} position={e.position} initial={config.data} />
        ) : null;
      })}
    </>
  );
}
