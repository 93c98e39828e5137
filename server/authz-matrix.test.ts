// Integration: the authorization matrix. Every socket event and every route, tried by each of eight
// callers (anonymous, student of this class, student of another class, removed student, instructor
// of this class, co-instructor, removed co-instructor, instructor of another class) on the real
// server with real sign-in and real sockets. Asserts what the caller gets AND what every other
// connected client receives: a forbidden push, kick or progress reaches nobody.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "./testing/http-client";
import { connect, nextEvent, type TestSocket } from "./testing/sockets";
import { recorder, sleep, startWorld, type World } from "./testing/world";
import { ACTORS, castOf, SOCKET_ACTORS, type Actor, type SocketActor } from "./testing/authz-cast";
import { train } from "@/lib/nn/perceptron";
import { CUSTOM_ROUTES } from "./join/join-route";

const made = startWorld();
let w: World;
let http: Record<Actor, Client>;
let ids: Awaited<ReturnType<typeof castOf>>["ids"];
let emails: Partial<Record<Actor, string>>;
let C: { id: string; joinCode: string };
let C2: { id: string };
let S: string;
let H: string;
let L: string;
let ex: (type: string) => string;
let sock: Record<SocketActor | "kickMe", TestSocket>;
let logs: Record<SocketActor | "kickMe", ReturnType<typeof recorder>>;

beforeAll(async () => {
  w = made.world;
  ({ http, ids, emails, sock, logs, C, C2, S, H, L, ex } = await castOf(w));
}, 240_000);

const everyLog = () => Object.fromEntries(Object.entries(logs).map(([k, l]) => [k, l.events.map((e) => e.name)]));

// ---- Sockets --------------------------------------------------------------------------------
type Outcome = "ok" | "forbidden";
const staff = (a: SocketActor): Outcome => (a === "owner" || a === "co" ? "ok" : "forbidden");
const member = (a: SocketActor): Outcome => (a === "student" || a === "owner" || a === "co" ? "ok" : "forbidden");
const theStudent = (a: SocketActor): Outcome => (a === "student" ? "ok" : "forbidden");

const socketEvents: { event: string; payload: () => unknown; who: (a: SocketActor) => Outcome }[] = [
  { event: "class:watch", payload: () => ({ classId: C.id }), who: member },
  { event: "session:enter", payload: () => ({ sessionId: S }), who: theStudent },
  { event: "session:submit", payload: () => ({ sessionId: S, exerciseId: ex("ACTIVATION"), clientId: `cid-${Math.random()}`, payload: { activation: "relu" } }), who: theStudent },
  { event: "board:watch", payload: () => ({ sessionId: S }), who: staff },
  { event: "control:push", payload: () => ({ sessionId: S, exerciseId: ex("ACTIVATION") }), who: staff },
  { event: "control:pause", payload: () => ({ sessionId: S, paused: true }), who: staff },
  { event: "control:close", payload: () => ({ sessionId: S }), who: staff },
  { event: "control:reveal", payload: () => ({ sessionId: S }), who: staff },
  { event: "control:kick", payload: () => ({ sessionId: S, userId: ids.kickMe }), who: staff },
  { event: "control:end", payload: () => ({ sessionId: S }), who: staff },
];

describe("authorization matrix: sockets", () => {
  it("refuses a socket to the anonymous caller and to the removed student", async () => {
    await expect(connect(made.server.url)).rejects.toThrow("unauthorized");
    await expect(connect(made.server.url, http.removedStudent)).rejects.toThrow("unauthorized");
  });

  it("every forbidden event is refused, and nobody receives anything because of it", async () => {
    const tried: string[] = [];
    for (const { event, payload, who } of socketEvents) {
      for (const a of SOCKET_ACTORS) {
        if (who(a) === "ok") continue;
        const res = await (sock[a] as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload());
        expect(res, `${a} ${event}`).toEqual({ ok: false, error: "forbidden" });
        tried.push(`${a} ${event}`);
      }
    }
    // Progress has no ack: sent by everyone who may not stream, the board must not show it.
    for (const a of SOCKET_ACTORS.filter((x) => x !== "student")) {
      sock[a].emit("session:progress", { type: "ACTIVATION", sessionId: S, exerciseId: ex("ACTIVATION"), activation: "tanh", threshold: 0, alpha: 0.1 });
    }
    await sleep(600); // longer than the board's 250 ms flush
    expect(tried.length).toBeGreaterThan(40);
    expect(everyLog()).toEqual({ student: [], otherStudent: [], owner: [], co: [], removedCo: [], otherInstructor: [], kickMe: [] });
  });

  it("every allowed event works, and reaches exactly the clients it should", async () => {
    const exercise = ex("GATE");
    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 3 };
    const run = { ...cfg, w: train(cfg).final.w, b: train(cfg).final.b };
    for (const l of Object.values(logs)) l.clear();
    const studentState = nextEvent(sock.student, "session:update", (s) => s.exercise?.id === exercise);
    const coBoard = nextEvent(sock.co, "board:state", (s) => s.exercise?.id === exercise);
    expect(await sock.co.emitWithAck("control:push", { sessionId: S, exerciseId: exercise })).toEqual({ ok: true });
    await Promise.all([studentState, coBoard]);

    const progress = nextEvent(sock.owner, "board:progress", (p) => p.items.some((i) => i.userId === ids.student));
    sock.student.emit("session:progress", { type: "GATE", sessionId: S, exerciseId: exercise, ...run, epoch: 99, accuracy: 1 });
    await progress;
    const result = nextEvent(sock.co, "board:result", (r) => r.userId === ids.student);
    const submitted = await sock.student.emitWithAck("session:submit", { sessionId: S, exerciseId: exercise, clientId: "matrix-0001", payload: run });
    expect(submitted).toMatchObject({ ok: true, result: { correct: true } });
    await result;

    for (const [a, event, payload] of [
      ["owner", "control:pause", { sessionId: S, paused: true }],
      ["co", "control:pause", { sessionId: S, paused: false }],
      ["owner", "control:close", { sessionId: S }],
      ["co", "control:reveal", { sessionId: S }],
      ["owner", "board:watch", { sessionId: S }],
    ] as const) {
      const res = await (sock[a] as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }> }).emitWithAck(event, payload);
      expect(res.ok, `${a} ${event}`).toBe(true);
    }
    const kicked = nextEvent(sock.kickMe, "session:kicked");
    expect(await sock.co.emitWithAck("control:kick", { sessionId: S, userId: ids.kickMe })).toEqual({ ok: true });
    await kicked;
    const ended = nextEvent(sock.student, "class:session", (m) => m.liveSessionId === null);
    expect(await sock.owner.emitWithAck("control:end", { sessionId: S })).toEqual({ ok: true });
    await ended;
    await sleep(400);
    // Outsiders received nothing at all; the class's clients received what they should.
    for (const outsider of ["otherStudent", "otherInstructor", "removedCo"] as const) expect(logs[outsider].events, outsider).toEqual([]);
    const names = everyLog();
    expect(names.student).toEqual(expect.arrayContaining(["session:update", "class:session"]));
    expect(names.student).not.toContain("board:state");
    expect(names.student).not.toContain("board:progress");
    for (const s of ["owner", "co"] as const) expect(names[s]).toEqual(expect.arrayContaining(["board:state", "board:progress"]));
    expect(names.kickMe).toContain("session:kicked");
  });
});

// ---- Routes ---------------------------------------------------------------------------------
type Expect = Record<Actor, number>;
const base = { anonymous: 401, removedStudent: 401 };
const classStaff = (ok: number): Expect => ({ ...base, student: 403, otherStudent: 403, owner: ok, co: ok, removedCo: 403, otherInstructor: 403 });
const instructors = (ok: number): Expect => ({ ...base, student: 403, otherStudent: 403, owner: ok, co: ok, removedCo: ok, otherInstructor: ok });
const lessonOwner = (ok: number, others: number): Expect => ({ ...base, student: 403, otherStudent: 403, owner: ok, co: others, removedCo: others, otherInstructor: others });
const enrolledStudent = (ok: number): Expect => ({ ...base, student: ok, otherStudent: 403, owner: 403, co: 403, removedCo: 403, otherInstructor: 403 });
const allowed = (e: Expect, a: Actor) => e[a] < 400 || (["owner", "co"].includes(a) && e[a] === 404);

interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string; // the file's route template, e.g. /api/classes/[id]
  path: (a: Actor) => string;
  body?: (a: Actor, ok: boolean) => unknown;
  expect: Expect;
}

const rows = (): Row[] => [
  { method: "GET", route: "/api/classes", path: () => "/api/classes", expect: instructors(200) },
  { method: "POST", route: "/api/classes", path: () => "/api/classes", body: () => ({ name: "New" }), expect: instructors(201) },
  // The owner deletes a throwaway class; everyone else tries the real one (which must survive).
  { method: "DELETE", route: "/api/classes/[id]", path: (a) => `/api/classes/${a === "owner" ? C2.id : C.id}`, expect: { ...classStaff(200), co: 403 } },
  { method: "GET", route: "/api/classes/[id]/dashboard", path: () => `/api/classes/${C.id}/dashboard`, expect: classStaff(200) },
  { method: "GET", route: "/api/classes/[id]/export/gradebook", path: () => `/api/classes/${C.id}/export/gradebook`, expect: classStaff(200) },
  { method: "GET", route: "/api/classes/[id]/export/submissions", path: () => `/api/classes/${C.id}/export/submissions`, expect: classStaff(200) },
  { method: "GET", route: "/api/classes/[id]/instructors", path: () => `/api/classes/${C.id}/instructors`, expect: classStaff(200) },
  { method: "POST", route: "/api/classes/[id]/instructors", path: () => `/api/classes/${C.id}/instructors`, body: (a, ok) => ({ email: ok ? "nobody@example.com" : emails[a] ?? "x@example.com" }), expect: classStaff(404) },
  { method: "DELETE", route: "/api/classes/[id]/instructors/[userId]", path: (a) => `/api/classes/${C.id}/instructors/${allowed(classStaff(404), a) ? "nobody" : ids.co}`, expect: classStaff(404) },
  { method: "GET", route: "/api/classes/[id]/assignments", path: () => `/api/classes/${C.id}/assignments`, expect: classStaff(200) },
  { method: "POST", route: "/api/classes/[id]/assignments", path: () => `/api/classes/${C.id}/assignments`, body: () => ({ lessonId: "nope", dueAt: new Date().toISOString() }), expect: classStaff(404) },
  { method: "POST", route: "/api/classes/[id]/sessions", path: () => `/api/classes/${C.id}/sessions`, body: () => ({ lessonId: "nope" }), expect: classStaff(404) },
  { method: "GET", route: "/api/classes/[id]/joining", path: () => `/api/classes/${C.id}/joining`, expect: classStaff(200) },
  { method: "PATCH", route: "/api/classes/[id]/joining", path: () => `/api/classes/${C.id}/joining`, body: (_a, ok) => ({ joinLocked: !ok }), expect: classStaff(200) },
  { method: "POST", route: "/api/classes/[id]/join-code", path: () => `/api/classes/${C.id}/join-code`, expect: classStaff(200) },
  { method: "DELETE", route: "/api/classes/[id]/students", path: () => `/api/classes/${C.id}/students`, body: (_a, ok) => ({ userIds: [ok ? "nobody" : ids.student] }), expect: classStaff(200) },
  { method: "GET", route: "/api/classes/[id]/students/[userId]", path: () => `/api/classes/${C.id}/students/${ids.student}`, expect: classStaff(200) },
  { method: "DELETE", route: "/api/classes/[id]/students/[userId]", path: (a) => `/api/classes/${C.id}/students/${allowed(classStaff(404), a) ? "nobody" : ids.student}`, expect: classStaff(404) },
  { method: "GET", route: "/api/lessons", path: () => "/api/lessons", expect: instructors(200) },
  { method: "PATCH", route: "/api/lessons/[id]", path: () => `/api/lessons/${L}`, body: () => ({ title: "Renamed" }), expect: lessonOwner(200, 403) },
  { method: "GET", route: "/api/lessons/[id]/export", path: () => `/api/lessons/${L}/export`, expect: lessonOwner(200, 404) },
  { method: "POST", route: "/api/lessons/import", path: () => "/api/lessons/import", body: () => ({}), expect: instructors(400) },
  { method: "POST", route: "/api/lessons/[id]/duplicate", path: () => `/api/lessons/${L}/duplicate`, expect: lessonOwner(201, 404) },
  { method: "PUT", route: "/api/lessons/[id]/exercises/[position]", path: () => `/api/lessons/${L}/exercises/0`, body: () => ({ config: {} }), expect: lessonOwner(400, 403) },
  { method: "POST", route: "/api/homework/[id]/start", path: () => `/api/homework/${H}/start`, body: () => ({ exerciseId: ex("GATE") }), expect: enrolledStudent(200) },
  { method: "POST", route: "/api/homework/[id]/submissions", path: () => `/api/homework/${H}/submissions`, body: () => ({ exerciseId: ex("GATE"), clientId: `hw-${Math.random()}`, payload: "nope" }), expect: enrolledStudent(400) },
  { method: "POST", route: "/api/homework/[id]/net-runs", path: () => `/api/homework/${H}/net-runs`, body: () => ({ exerciseId: ex("XOR"), clientId: `hw-${Math.random()}`, payload: "nope" }), expect: enrolledStudent(400) },
];
// Open to everyone by design (sign-in, joining a class, sign-up, the health check for load balancers, the
// script-free pages' language switch); covered by their own tests.
const PUBLIC = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]", "POST /api/join", "POST /api/signup", "GET /api/health", "GET /api/locale"]);

function declaredRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const route = "/" + path.relative("app", path.dirname(p)).split(path.sep).join("/");
        const src = fs.readFileSync(p, "utf8");
        for (const m of src.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${m[1] ?? m[2]} ${route}`);
      }
    }
  };
  walk(path.join("app", "api"));
  out.push(...CUSTOM_ROUTES); // answered by the custom server before Next.js (server/join/join-route.ts)
  return out.sort();
}

describe("authorization matrix: routes", () => {
  it("covers every route the app declares", () => {
    const covered = new Set(rows().map((r) => `${r.method} ${r.route}`));
    expect(declaredRoutes().filter((r) => !PUBLIC.has(r) && !covered.has(r))).toEqual([]);
  });

  it("answers every route x caller as the matrix says, and no forbidden call changes anything", async () => {
    for (const l of Object.values(logs)) l.clear();
    const got: string[] = [];
    const want: string[] = [];
    for (const row of rows()) {
      for (const a of ACTORS) {
        const ok = allowed(row.expect, a);
        const body = row.body?.(a, ok);
        const res = await http[a].fetch(row.path(a), {
          method: row.method,
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        got.push(`${row.method} ${row.route} ${a} ${res.status}`);
        want.push(`${row.method} ${row.route} ${a} ${row.expect[a]}`);
        if (res.status >= 400) {
          const json = (await res.json()) as { error?: { code?: string; message?: string } };
          expect(json.error?.code, `${row.method} ${row.route} ${a}`).toBeTruthy();
          expect(JSON.stringify(json)).not.toMatch(/prisma|stack|at \w+ \(/i);
        } else await res.arrayBuffer();
      }
    }
    expect(got).toEqual(want);
    // What the others see: nothing was pushed to any socket, the student is still in the class,
    // the co-instructor still teaches it, the class is still there.
    await sleep(300);
    expect(everyLog()).toEqual({ student: [], otherStudent: [], owner: [], co: [], removedCo: [], otherInstructor: [], kickMe: [] });
    expect(sock.student.connected).toBe(true);
    const team = await http.owner.json<{ coInstructors: { id: string }[] }>(`/api/classes/${C.id}/instructors`);
    expect(team.body.coInstructors.map((c) => c.id)).toEqual([ids.co]);
    const export1 = await http.owner.json<{ student: { nickname: string } }>(`/api/classes/${C.id}/students/${ids.student}`);
    expect(export1.body.student.nickname).toBe("Student");
    expect((await http.owner.json<{ joinLocked: boolean }>(`/api/classes/${C.id}/joining`)).body.joinLocked).toBe(false);
    // The removed co-instructor and the other instructor do not even see the class in their list.
    for (const a of ["removedCo", "otherInstructor"] as const) {
      const list = await http[a].json<{ classes: { id: string }[] }>("/api/classes");
      expect(list.body.classes.map((c) => c.id)).not.toContain(C.id);
    }
  });
});
