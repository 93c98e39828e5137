// The integration tests' world: one real server for a test file (startWorld), and instructors,
// classes, students, a live session and sign-out, all through the real HTTP routes and next-auth
// endpoints.
import { afterAll, beforeAll, expect } from "vitest";
import { Client } from "./http-client";
import { pgliteBackend, startServer, type Backend, type RunningServer } from "./server";
import { connect, type TestSocket } from "./sockets";

let seq = 0;
export const uniq = () => `${Date.now().toString(36)}${++seq}`;

export class World {
  sockets: TestSocket[] = [];
  /** pin: a cookie every new client carries (HAProxy's stickiness cookie: all of this world on one node). */
  constructor(
    public url: string,
    private pin?: [string, string],
  ) {}

  private client(): Client {
    const c = new Client(this.url);
    if (this.pin) c.cookies.set(...this.pin);
    return c;
  }

  async instructor(name = "Teacher"): Promise<{ c: Client; id: string; email: string }> {
    const c = this.client();
    const email = `t-${uniq()}@example.com`;
    const up = await c.signUp(name, email, "correct horse");
    expect(up.status).toBe(201);
    expect(await c.signIn("instructor", { email, password: "correct horse" })).toBeNull();
    return { c, id: up.body.id!, email };
  }

  async cls(owner: Client, name = "Class"): Promise<{ id: string; joinCode: string }> {
    const res = await owner.json<{ id: string; joinCode: string }>("/api/classes", { name });
    expect(res.status).toBe(201);
    return res.body;
  }

  async student(code: string, nickname = `s${uniq()}`): Promise<{ c: Client; id: string }> {
    const c = this.client();
    expect(await c.signIn("student", { code, nickname })).toBeNull();
    const session = await c.json<{ user: { id: string } }>("/api/auth/session");
    return { c, id: session.body.user.id };
  }

  async lesson(c: Client) {
    const lessons = (await c.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string; position: number }[] }[] }>("/api/lessons")).body.lessons;
    const lesson = lessons.find((l) => l.slug === "activation-basics")!;
    return { lesson, byType: (type: string) => lesson.exercises.find((e) => e.type === type)!.id };
  }

  async startSession(c: Client, classId: string, lessonId: string): Promise<string> {
    const res = await c.json<{ id: string }>(`/api/classes/${classId}/sessions`, { lessonId });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async open(c?: Client): Promise<TestSocket> {
    const s = await connect(this.url, c);
    this.sockets.push(s);
    return s;
  }

  close() {
    for (const s of this.sockets) s.close();
  }
}

/**
 * One server for this test file, on the embedded database unless `backend` says otherwise, with
 * `env` added to its environment (a function when a value must be awaited, a free port say): started
 * before its tests, stopped after them (with every socket the world opened). Read `server` and
 * `world` inside the tests, not at the top of the file: they exist once beforeAll has run.
 */
export function startWorld(opts: { env?: Record<string, string> | (() => Promise<Record<string, string>>); backend?: () => Promise<Backend> } = {}): { server: RunningServer; world: World } {
  const made = {} as { server: RunningServer; world: World; backend?: Backend };
  beforeAll(async () => {
    made.backend = await (opts.backend ?? pgliteBackend)();
    const env = typeof opts.env === "function" ? await opts.env() : opts.env;
    made.server = await startServer(made.backend, env);
    made.world = new World(made.server.url);
  }, 240_000);
  afterAll(async () => {
    made.world?.close();
    await made.server?.stop();
    await made.backend?.dispose();
  });
  return made;
}

/** A copy of a client's cookies: the same token on "another device", or kept by an attacker. */
export function cloneClient(c: Client): Client {
  const copy = new Client(c.base);
  copy.cookies = new Map(c.cookies);
  return copy;
}

/** Sign out through next-auth's real endpoint (what the Sign out button does). */
export async function signOut(c: Client): Promise<void> {
  const { body } = await c.json<{ csrfToken: string }>("/api/auth/csrf");
  const res = await c.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: body.csrfToken, json: "true" }),
  });
  expect(res.status).toBe(200);
}

/** Records every event a socket receives (for "nobody else got anything"). */
export function recorder(socket: TestSocket): { events: { name: string; payload: unknown }[]; clear(): void } {
  const events: { name: string; payload: unknown }[] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  return { events, clear: () => void events.splice(0) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the socket is disconnected (or rejects after the timeout). */
export function disconnected(socket: TestSocket, timeoutMs = 5000): Promise<string> {
  if (!socket.connected) return Promise.resolve("already");
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("socket was not disconnected")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(t);
      resolve(reason);
    });
  });
}
