// Idempotent seed: the built-in lesson (kept in step with the code) and, on the embedded default,
// a demo instructor whose credentials are kept in the data directory and printed at start.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { hashPassword } from "../auth/password";
import { BUILTIN_LESSON } from "@/lib/lessons/exercises";

export const DEMO_EMAIL = "demo@neuronlab.local";

/** JSON with sorted keys: jsonb stores keys in its own order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(",")}]` : v && typeof v === "object" ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}` : JSON.stringify(v);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

interface SeedState {
  title: string | null;
  exercises: { position: number; type: string; config: unknown; points: number }[] | null;
  demo: boolean;
}

/**
 * What a start must know before seeding, in one statement: the stored built-in lesson (title and
 * exercises) and whether the demo instructor exists. Raw SQL, so that a start on a seeded database
 * sends one statement and needs no query plan from Prisma's compiler (the usual case at start).
 */
async function seedState(): Promise<SeedState> {
  const rows = await db.$queryRawUnsafe<SeedState[]>(
    `SELECT (SELECT "title" FROM "Lesson" WHERE "slug" = $1) AS "title",
            (SELECT json_agg(json_build_object('position', e."position", 'type', e."type"::text, 'config', e."config", 'points', e."points") ORDER BY e."position")
               FROM "Exercise" e JOIN "Lesson" l ON l."id" = e."lessonId" WHERE l."slug" = $1) AS "exercises",
            EXISTS (SELECT 1 FROM "User" WHERE "email" = $2) AS "demo"`,
    BUILTIN_LESSON.slug,
    DEMO_EMAIL,
  );
  return rows[0];
}

/** True when the stored built-in lesson is exactly the code's. */
function builtinLessonCurrent(stored: SeedState): boolean {
  const { title, exercises } = BUILTIN_LESSON;
  if (stored.title !== title || !stored.exercises || stored.exercises.length < exercises.length) return false;
  return exercises.every((c, i) => {
    const e = stored.exercises![i];
    return e.position === i && e.type === c.type && e.points === c.points && same(e.config, c);
  });
}

/** The built-in lesson and, when asked, the demo instructor; one statement when both are there already. */
export async function seed(demoDataDir?: string): Promise<{ email: string; password: string } | undefined> {
  const state = await seedState();
  if (!builtinLessonCurrent(state)) {
    await seedBuiltinLesson();
    console.log(`[neuronlab] built-in lesson written (${state.title === null ? "new database" : "it differed from the code's"})`);
  }
  if (demoDataDir === undefined) return undefined;
  return seedDemoInstructor(demoDataDir, state.demo);
}

export async function seedBuiltinLesson(): Promise<void> {
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
export async function seedDemoInstructor(dataDir: string, exists?: boolean): Promise<{ email: string; password: string }> {
  const file = path.join(dataDir, "demo-instructor.txt");
  const existing = exists ?? Boolean(await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } }));
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
