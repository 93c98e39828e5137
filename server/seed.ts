// Idempotent seed: the built-in lesson (kept in step with the code) and, on the embedded default,
// a demo instructor whose credentials are kept in the data directory and printed at start.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { db } from "./db";
import { hashPassword } from "./password";
import { BUILTIN_LESSON } from "@/lib/exercises";

export const DEMO_EMAIL = "demo@neuronlab.local";

/** JSON with sorted keys: jsonb stores keys in its own order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(",")}]` : v && typeof v === "object" ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}` : JSON.stringify(v);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** True when the stored built-in lesson is exactly the code's (one query; the usual case at start). */
async function builtinLessonCurrent(): Promise<boolean> {
  const { slug, title, exercises } = BUILTIN_LESSON;
  const stored = await db.lesson.findUnique({
    where: { slug },
    select: { title: true, exercises: { select: { position: true, type: true, config: true, points: true }, orderBy: { position: "asc" } } },
  });
  if (!stored || stored.title !== title || stored.exercises.length < exercises.length) return false;
  return exercises.every((c, i) => {
    const e = stored.exercises[i];
    return e.position === i && e.type === c.type && e.points === c.points && same(e.config, c);
  });
}

export async function seedBuiltinLesson(): Promise<void> {
  if (await builtinLessonCurrent()) return;
  const { slug, title, exercises } = BUILTIN_LESSON;
  const lesson = await db.lesson.upsert({ where: { slug }, update: { title }, create: { slug, title } });
  for (const [position, config] of exercises.entries()) {
    await db.exercise.upsert({
      where: { lessonId_position: { lessonId: lesson.id, position } },
      update: { type: config.type, config, points: config.points },
      create: { lessonId: lesson.id, position, type: config.type, config, points: config.points },
    });
  }
}

/** Creates the demo instructor once; returns its credentials for printing. */
export async function seedDemoInstructor(dataDir: string): Promise<{ email: string; password: string }> {
  const file = path.join(dataDir, "demo-instructor.txt");
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
  if (existing && fs.existsSync(file)) {
    const password = fs.readFileSync(file, "utf8").trim();
    return { email: DEMO_EMAIL, password };
  }
  const password = randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.user.upsert({
    where: { email: DEMO_EMAIL },
    update: { passwordHash },
    create: { email: DEMO_EMAIL, name: "Demo Instructor", role: "INSTRUCTOR", passwordHash },
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return { email: DEMO_EMAIL, password };
}
