// Lesson files: export a lesson (built-in or one's own) as JSON, import one as a new lesson of one's own.
import { db } from "../db";
import { DomainError } from "../errors";
import { readLessonFile, toLessonFile, type Refused } from "@/lib/lessons/lesson-file";

export async function exportLesson(lessonId: string, userId: string) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, OR: [{ ownerId: null }, { ownerId: userId }] },
    select: { title: true, exercises: { orderBy: { position: "asc" }, select: { config: true } } },
  });
  if (!lesson) throw new DomainError("notFound", 404);
  return toLessonFile(lesson);
}

/** Creates the file's valid exercises as a new lesson of `ownerId`; what was refused comes back with the reason. */
export async function importLesson(ownerId: string, data: unknown): Promise<{ id: string; title: string; count: number; refused: Refused[] }> {
  const read = readLessonFile(data);
  if (!read.ok || read.accepted.length === 0) throw new DomainError("lessonFileInvalid", 400);
  const lesson = await db.lesson.create({
    data: {
      title: read.title,
      ownerId,
      exercises: { create: read.accepted.map((config, position) => ({ position, type: config.type, config, points: config.points })) },
    },
    select: { id: true, title: true },
  });
  return { ...lesson, count: read.accepted.length, refused: read.refused };
}
