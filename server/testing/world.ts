// The integration tests' world: one real server for a test file (startWorld), and instructors,
// classes, students, a live session and sign-out, all through the real HTTP routes: instructors sign
// in at next-auth's endpoints, students join at POST /api/join as the join form does.
import { afterAll, beforeAll, expect } from "vitest";
import { Client } from "./http-client";
import { pgliteBackend, postgresBackend, startServer, type Backend, type RunningServer } from "./server";
import { haproxyMissing, startBalancer, type Balancer } from "./balancer";
import { port } from "./throwaway";
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

  /** A new client of this world; `ip`: it speaks from that address (X-Forwarded-For, behind TRUST_PROXY=1). */
  client(ip?: string): Client {
    const c = new Client(this.url);
    if (this.pin) c.cookies.set(...this.pin);
    if (ip) c.headers["x-forwarded-for"] = ip;
    return c;
  }

  async instructor(name = "Teacher", c = this.client()): Promise<{ c: Client; id: string; email: string }> {
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

  /** A student who joined the class with this code, as the join form does (POST /api/join). */
  async student(code: string, nickname = `s${uniq()}`, c = this.client()): Promise<{ c: Client; id: string }> {
    const res = await c.joinRaw({ code, nickname });
    expect(res.error).toBeNull();
    return { c, id: res.user!.id };
  }

  /** An instructor signed in with a class of their own: the start of most tests. */
  async teacherWithClass(className = "Class", name = "Teacher"): Promise<{ t: Client; id: string; email: string; cls: { id: string; joinCode: string } }> {
    const { c: t, id, email } = await this.instructor(name);
    return { t, id, email, cls: await this.cls(t, className) };
  }

  /** A class taught by two (its owner, and a co-instructor the owner added), in a live session of the built-in lesson. */
  async coTaughtSession() {
    const owner = await this.instructor();
    const co = await this.instructor("Co");
    const cls = await this.cls(owner.c);
    expect((await owner.c.json(`/api/classes/${cls.id}/instructors`, { email: co.email })).status).toBe(201);
    const { lesson, byType } = await this.lesson(owner.c);
    return { owner, co, cls, byType, sessionId: await this.startSession(owner.c, cls.id, lesson.id) };
  }

  async lesson(c: Client) {
    const lessons = (await c.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string; position: number }[] }[] }>("/api/lessons")).body.lessons;
    const lesson = lessons.find((l) => l.slug === "activation-basics")!;
    return { lesson, byType: (type: string) => lesson.exercises.find((e) => e.type === type)!.id };
  }

  /**
   * A preset: a copy of the built-in lesson whose exercise of this type the instructor edits.
   * `put(config)` sends that exercise's config (its answer, to check a refusal too); `exercise()`
   * reads the copy's exercise back (its id for a push, its stored config).
   */
  async preset(c: Client, type: string) {
    const { lesson } = await this.lesson(c);
    const copy = (await c.json<{ id: string }>(`/api/lessons/${lesson.id}/duplicate`, {})).body;
    const at = lesson.exercises.find((e) => e.type === type)!.position;
    const put = (config: unknown) => c.json<{ error: { code: string } }>(`/api/lessons/${copy.id}/exercises/${at}`, { config }, "PUT");
    const exercise = async () => {
      const lessons = (await c.json<{ lessons: { id: string; exercises: { id: string; position: number; config: Record<string, unknown> }[] }[] }>("/api/lessons")).body.lessons;
      return lessons.find((l) => l.id === copy.id)!.exercises.find((e) => e.position === at)!;
    };
    return { lessonId: copy.id, put, exercise };
  }

  async startSession(c: Client, classId: string, lessonId: string): Promise<string> {
    const res = await c.json<{ id: string }>(`/api/classes/${classId}/sessions`, { lessonId });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  /**
   * A live session of this lesson in this class: started, the instructor's socket watching its board
   * (`watched`: the board's first answer); `enter(nickname)` adds a student who joins the class and
   * enters the session on a socket of their own (through the world `on`: another node, say).
   */
  async liveSession(t: Client, cls: { id: string; joinCode: string }, lessonId: string) {
    const sessionId = await this.startSession(t, cls.id, lessonId);
    const teacher = await this.open(t);
    const watched = await teacher.emitWithAck("board:watch", { sessionId });
    if (!watched.ok) throw new Error(`board:watch refused: ${watched.error}`);
    const enter = async (nickname?: string, on: World = this) => {
      const { c, id } = await on.student(cls.joinCode, nickname);
      const socket = await on.open(c);
      const res = await socket.emitWithAck("session:enter", { sessionId });
      if (!res.ok) throw new Error(`session:enter refused: ${res.error}`);
      return { c, id, socket, state: res.state };
    };
    return { sessionId, teacher, watched, enter };
  }

  /** An instructor, a class and a live session of the built-in lesson (see liveSession). */
  async liveClass(className = "Class") {
    const { t, cls } = await this.teacherWithClass(className);
    const { lesson, byType } = await this.lesson(t);
    return { t, cls, lesson, byType, ...(await this.liveSession(t, cls, lesson.id)) };
  }

  /** Another tab of this client's user in this world: the same cookies, sent to this world's node. */
  tab(c: Client): Client {
    const copy = cloneClient(c);
    copy.base = this.url;
    if (this.pin) copy.cookies.set(...this.pin);
    return copy;
  }

  /** A socket of this client (closed with the world); `reconnect`: it reconnects as a browser's does. */
  async open(c?: Client, opts: { reconnect?: boolean } = {}): Promise<TestSocket> {
    const s = await connect(this.url, c, opts);
    this.sockets.push(s);
    return s;
  }

  close() {
    for (const s of this.sockets) s.close();
  }
}

/**
 * The storage modes a test file runs on, for describe.each: the embedded database, and PostgreSQL
 * too when TEST_DATABASE_URL is set.
 */
export function backends(): [string, () => Promise<Backend>][] {
  const out: [string, () => Promise<Backend>][] = [["embedded PGlite", pgliteBackend]];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) out.push(["PostgreSQL", () => postgresBackend(pgUrl)]);
  return out;
}

/**
 * One server for this test file (or for the describe block it is called in), on the embedded database unless `backend` says otherwise, with
 * `env` added to its environment (a function when a value must be awaited, a free port say): started
 * before its tests, stopped after them (with every socket the world opened). Read `server` and
 * `world` inside the tests, not at the top of the file: they exist once beforeAll has run.
 */
export function startWorld(opts: { env?: Record<string, string> | (() => Promise<Record<string, string>>); backend?: () => Promise<Backend> } = {}): { server: RunningServer; world: World; backend: Backend } {
  const made = {} as { server: RunningServer; world: World; backend: Backend };
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

/** Why two nodes behind the balancer cannot run here (PostgreSQL, Redis, HAProxy), or null when they can. */
export function nodesMissing(): string | null {
  if (!process.env.TEST_DATABASE_URL) return "set TEST_DATABASE_URL (a PostgreSQL server)";
  if (!process.env.TEST_REDIS_URL) return "set TEST_REDIS_URL (a Redis server)";
  return haproxyMissing();
}

export interface TwoNodes {
  backend: Backend;
  a: RunningServer;
  b: RunningServer;
  lb: Balancer;
  /** Worlds whose clients the balancer sends to node A, to node B (HAProxy's stickiness cookie). */
  wa: World;
  wb: World;
}

/**
 * Two server nodes on one fresh PostgreSQL database (TEST_DATABASE_URL), sharing socket.io rooms
 * through Redis (TEST_REDIS_URL), behind HAProxy as docs/deploy.md configures it, listening on
 * port(balancerPort) (server/testing/throwaway.ts): started before the tests of the describe block
 * it is called in (under describe.skipIf(nodesMissing() !== null)), stopped after them.
 */
export function startNodes(balancerPort: number): TwoNodes {
  const made = {} as TwoNodes;
  beforeAll(async () => {
    made.backend = await postgresBackend(process.env.TEST_DATABASE_URL!);
    const env = { REDIS_URL: process.env.TEST_REDIS_URL! };
    made.a = await startServer(made.backend, env);
    made.b = await startServer(made.backend, env); // one after the other: migrations run once
    made.lb = await startBalancer(await port(balancerPort), [made.a.port, made.b.port]);
    made.wa = new World(made.lb.url, made.lb.pin(0));
    made.wb = new World(made.lb.url, made.lb.pin(1));
  }, 240_000);
  afterAll(async () => {
    made.wa?.close();
    made.wb?.close();
    await made.lb?.stop();
    await made.a?.stop();
    await made.b?.stop();
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
