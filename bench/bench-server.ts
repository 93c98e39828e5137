// A production server on a fresh embedded database for the browser benchmarks (bench/pages.ts),
// and the few UI steps that give them an instructor, a class, a live session and a student.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { io } from "socket.io-client";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath} (apt-get install -y chromium or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface BenchServer { baseURL: string; stop(): Promise<void> }

/** Starts `server/start.ts` (it builds first when the sources changed) and waits for it to answer. */
export async function startServer(port: number): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), process.env.BENCH_TMP_PREFIX ?? "neuronlab-bench-pages-"));
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", NEXTAUTH_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const baseURL = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const limitS = Number(process.env.BENCH_START_S ?? 900); // a build under load takes minutes
    const timer = setTimeout(() => reject(new Error(`server did not start within ${limitS} s`)), limitS * 1000);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("[neuronlab] ready")) { clearTimeout(timer); resolve(); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`server exited (${code})`)); });
  });
  return {
    baseURL,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ExerciseType = "ACTIVATION" | "GATE" | "XOR";
export interface Classroom {
  instructor: BrowserContext; student: BrowserContext; classId: string; sessionId: string;
  /** Pushes the built-in lesson's exercise of that type, as the board's button does. */
  push(type: ExerciseType): Promise<void>;
  /** Unlocks the XOR hidden layer (the two-layer net) for the class. */
  unlock(): Promise<void>;
  /** Opens the built-in lesson as homework (due tomorrow): its id and each exercise type's page number. */
  homework(): Promise<{ id: string; page: Record<ExerciseType, number> }>;
  close(): Promise<void>;
}

/** An instructor signs up, creates a class and starts a live session; a student joins it. */
export async function classroom(browser: Browser, baseURL: string): Promise<Classroom> {
  const instructor = await browser.newContext({ baseURL, locale: "en-US" });
  const t = await instructor.newPage();
  await t.goto("/signin");
  await t.waitForLoadState("networkidle");
  await t.getByRole("tab", { name: "Create account" }).click();
  await t.getByLabel("Name").fill("Bench");
  await t.getByLabel("Email").fill(`bench-${Date.now()}@example.com`);
  await t.getByLabel("Password").fill("correct horse battery");
  await t.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(t).toHaveURL(/\/classes$/, { timeout: 30_000 });
  await t.waitForLoadState("networkidle");
  await t.getByLabel("New class name").fill("Bench class");
  await t.getByRole("button", { name: "Create class" }).click();
  await expect(t.getByRole("heading", { name: "Bench class" })).toBeVisible();
  const code = (await t.getByTestId("join-code").textContent())!.trim();
  const classId = new URL(t.url()).pathname.split("/").pop()!;
  await t.waitForLoadState("networkidle");
  await t.getByRole("button", { name: "Start live session" }).click();
  await t.waitForURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(t.url()).pathname.split("/").pop()!;
  await t.close();

  const student = await browser.newContext({ baseURL, locale: "en-US" });
  const s = await student.newPage();
  await join(s, code, "Bench student");
  await s.close();

  // The board's socket, signed in as the instructor: it pushes exercises the way the board does.
  const cookie = (await instructor.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const board = io(baseURL, { extraHeaders: { cookie }, forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => { board.once("connect", () => resolve()); board.once("connect_error", reject); });
  const watched = await board.emitWithAck("board:watch", { sessionId }) as { ok: boolean; state?: { exercises: { id: string; type: string }[] } };
  if (!watched.ok || !watched.state) throw new Error("board:watch refused");
  const exercises = watched.state.exercises;
  return {
    instructor, student, classId, sessionId,
    async push(type) {
      const ex = exercises.find((e) => e.type === type);
      if (!ex) throw new Error(`no ${type} exercise in the lesson`);
      const res = await board.emitWithAck("control:push", { sessionId, exerciseId: ex.id }) as { ok: boolean };
      if (!res.ok) throw new Error(`control:push ${type} refused`);
    },
    async unlock() {
      const res = await board.emitWithAck("control:unlock", { sessionId }) as { ok: boolean };
      if (!res.ok) throw new Error("control:unlock refused");
    },
    async homework() {
      const lessons = await (await instructor.request.get("/api/lessons")).json() as { lessons: { id: string; slug: string | null; exercises: { type: string; position: number }[] }[] };
      const lesson = lessons.lessons.find((l) => l.slug === "activation-basics")!;
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const res = await instructor.request.post(`/api/classes/${classId}/assignments`, { data: { lessonId: lesson.id, dueAt }, headers: { origin: baseURL } });
      if (res.status() !== 201) throw new Error(`homework refused: ${res.status()} ${await res.text()}`);
      const page = (type: ExerciseType) => lesson.exercises.find((e) => e.type === type)!.position + 1;
      return { id: ((await res.json()) as { id: string }).id, page: { ACTIVATION: page("ACTIVATION"), GATE: page("GATE"), XOR: page("XOR") } };
    },
    async close() {
      board.disconnect();
      await instructor.close();
      await student.close();
    },
  };
}

async function join(page: Page, code: string, nickname: string) {
  const res = await page.goto(`/join?code=${code}`);
  if (res?.status() === 404) await page.goto(`/?code=${code}`); // before /join existed
  await page.waitForLoadState("networkidle");
  const codeField = page.getByLabel("Class code");
  if ((await codeField.inputValue()) !== code) await codeField.fill(code);
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page).toHaveURL(/\/student$/);
}
