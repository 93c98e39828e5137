// Shared by the specs that drive a live session from the test process (the board, the lecture hall, help flags,
// narration): the built-in lesson started by the instructor's page, the instructor's control socket
// on its board, and students who join through POST /api/join and enter with a socket of their own.
import { expect, type Browser, type Page } from "@playwright/test";
import { createClass, newPage, signUpInstructor, socketOf, watchConsole } from "./helpers";
import { Client } from "../server/testing/http-client";
import { connect, type TestSocket } from "../server/testing/sockets";
import { accuracy, train } from "../lib/nn/perceptron";

/**
 * A live session of the built-in lesson in the class, started as the teacher's page, and a socket
 * signed in with the teacher's cookie watching its board. `sockets` collects every socket opened.
 */
export async function startedWithControl(teacher: Page, base: string, classId: string, sockets: TestSocket[]) {
  const lessons = (await (await teacher.request.get("/api/lessons")).json()) as { lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] };
  const lesson = lessons.lessons.find((l) => l.slug === "activation-basics")!;
  const started = await teacher.request.post(`/api/classes/${classId}/sessions`, { data: { lessonId: lesson.id } });
  expect(started.status()).toBe(201);
  const { id: sessionId } = (await started.json()) as { id: string };
  const control = await socketOf(base, teacher);
  sockets.push(control);
  expect(await control.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
  return { sessionId, lesson, exerciseOf: (type: string) => lesson.exercises.find((e) => e.type === type)!.id, control };
}

/** A student who joined the class by its code (as the join form does) and entered the session with a socket. */
export async function enteredStudent(base: string, code: string, sessionId: string, nickname: string, sockets: TestSocket[]): Promise<TestSocket> {
  const c = new Client(base);
  expect(await c.join(code, nickname)).toBeNull();
  const socket = await connect(base, c);
  sockets.push(socket);
  expect(await socket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
  return socket;
}

/** A seeded AND run of one perceptron, as a student's browser would stream or submit it. */
export function gateRun(seed: number, epochs = 100) {
  const cfg = { gate: "AND" as const, lr: 0.1, epochs, seed };
  const { final } = train(cfg);
  return { ...cfg, w: final.w, b: final.b, accuracy: accuracy(final, "AND") };
}

export interface BoardWithStudents {
  teacher: Page;
  errors: string[];
  sessionId: string;
  exercise: (type: "ACTIVATION" | "GATE" | "XOR") => string;
  control: TestSocket;
  students: { name: string; socket: TestSocket }[];
}

/** An instructor signs up and creates "Board 101"; a session starts; the board opens in `language`; the students enter. */
export async function boardWithStudents(browser: Browser, base: string, sockets: TestSocket[], language: "en" | "ko", nicknames: string[]): Promise<BoardWithStudents> {
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, "Board 101");
  // The language the header's switcher would remember.
  await teacher.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: base }]);

  // A control socket in the test process, signed in with the instructor's own cookie.
  const { sessionId, exerciseOf: exercise, control } = await startedWithControl(teacher, base, classId, sockets);

  await teacher.goto(`/sessions/${sessionId}`);
  await expect(teacher.getByRole("heading", { name: "Board 101" })).toBeVisible();
  await expect(teacher.getByTestId("connection")).toBeVisible();
  await expect(teacher.getByTestId("current-exercise")).toBeVisible();
  await expect(teacher.getByTestId("tiles")).toHaveCount(0);

  const students = [];
  for (const name of nicknames) students.push({ name, socket: await enteredStudent(base, code, sessionId, name, sockets) });
  return { teacher, errors, sessionId, exercise, control, students };
}
