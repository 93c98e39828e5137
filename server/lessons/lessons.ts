// Lessons: the built-in one is read-only; instructors duplicate it and change each exercise's preset.
import { db } from "../db";
import { DomainError } from "../errors";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import { firstError } from "@/lib/edge/forms";
import { checkActivationPreset } from "@/lib/formula/formula-config";

export async function duplicateLesson(lessonId: string, ownerId: string) {
  const source = await db.lesson.findFirst({
    where: { id: lessonId, OR: [{ ownerId: null }, { ownerId }] },
    include: { exercises: { orderBy: { position: "asc" } } },
  });
  if (!source) throw new DomainError("notFound", 404);
  return db.lesson.create({
    data: {
      title: source.title,
      ownerId,
      exercises: {
        create: source.exercises.map((e) => ({ position: e.position, type: e.type, config: e.config as object, points: e.points })),
      },
    },
  });
}

async function ownLesson(lessonId: string, ownerId: string) {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId } });
  if (!lesson) throw new DomainError("notFound", 404);
  if (lesson.ownerId === null) throw new DomainError("builtinReadOnly", 403);
  if (lesson.ownerId !== ownerId) throw new DomainError("forbidden", 403);
  return lesson;
}

export async function renameLesson(lessonId: string, ownerId: string, title: string) {
  await ownLesson(lessonId, ownerId);
  return db.lesson.update({ where: { id: lessonId }, data: { title } });
}

/** Replace one exercise's preset; its type stays what it is. */
export async function updatePreset(lessonId: string, position: number, ownerId: string, config: unknown) {
  await ownLesson(lessonId, ownerId);
  const exercise = await db.exercise.findUnique({ where: { lessonId_position: { lessonId, position } } });
  if (!exercise) throw new DomainError("notFound", 404);
  const parsed = exerciseConfigSchema.safeParse(config);
  if (!parsed.success) throw new DomainError(firstError(parsed.error), 400);
  if (parsed.data.type !== exercise.type) throw new DomainError("invalidInput", 400);
  if (parsed.data.type === "ACTIVATION") {
    const check = checkActivationPreset(parsed.data); // formulas compile and stay finite; the question stays fair
    if (!check.ok) throw new DomainError(check.code, 400);
  }
  return db.exercise.update({ where: { id: exercise.id }, data: { config: parsed.data, points: parsed.data.points } });
}
