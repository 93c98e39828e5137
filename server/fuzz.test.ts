// Fuzzing the real server with fast-check: over 10,000 generated malformed payloads across every
// socket event and every JSON route (wrong types, missing fields, huge strings and arrays, deep
// nesting, non-finite numbers, `__proto__` keys, control characters, binary attachments). The
// server stays up, every payload gets a clear coded answer (never a 500, never a missing ack), and
// its memory stays bounded (RSS sampled from /proc while it runs). RATE_LIMIT_FACTOR lifts the rate
// limits so that the payloads reach validation instead of being turned away as `rateLimited`.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startWorld } from "./testing/world";
import { ERROR_CODES } from "@/lib/edge/forms";
import { Client } from "./testing/http-client";

const SOCKET_RUNS = 9000;
const HTTP_RUNS = 1000;

const made = startWorld({ env: { RATE_LIMIT_FACTOR: "10000" } });

function rssMb(): number {
  const status = fs.readFileSync(`/proc/${made.server.pid()}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

// ---- the generators -------------------------------------------------------------------------------
const nasty = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff", "\u202e", "\u200b", "\u001b[2J", "\r\n", "__proto__", "constructor", "", " ", "💥", "'; DROP TABLE \"User\"; --");
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), nasty);
// Huge, but under the socket's message cap (a bigger message closes the socket: edge.test.ts).
const huge = fc.integer({ min: 1000, max: 8000 }).map((n) => "x".repeat(n));
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 1e308, -1e308));
const key = fc.oneof(fc.string({ maxLength: 12 }), nasty);
const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.constant(undefined));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: "small", maxDepth: 4 }, leaf, fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(key, tie("tree"), { maxKeys: 4 })),
}));
const deep = fc.integer({ min: 13, max: 400 }).map((n) => {
  let v: unknown = "bottom";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { v };
  return v;
});
const hugeArray = fc.integer({ min: 5_000, max: 30_000 }).map((n) => new Array(n).fill(0));
const hugeString = fc.integer({ min: 10_000, max: 120_000 }).map((n) => "y".repeat(n));
const protoKeys = fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":{"__proto__":[]}}').map((s) => JSON.parse(s) as unknown);
const binary = fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a));

/** A payload shaped like the event's (its field names), with wrong or missing values. */
const shaped = (fields: string[], ids: string[]) =>
  fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(tree, fc.constantFrom(...ids), binary, deep, huge)])), { requiredKeys: [] });
const anyPayload = (fields: string[], ids: string[]) => fc.oneof(shaped(fields, ids), tree, deep, hugeArray, hugeString, protoKeys, binary, leaf);

const EVENTS: Record<string, string[]> = {
  "class:watch": ["classId"],
  "session:enter": ["sessionId"],
  "session:progress": ["type", "sessionId", "exerciseId", "gate", "lr", "epochs", "seed", "epoch", "accuracy", "w", "b", "activation", "threshold", "alpha"],
  "session:submit": ["sessionId", "exerciseId", "clientId", "payload"],
  "board:watch": ["sessionId"],
  "control:push": ["sessionId", "exerciseId", "userIds"],
  "control:pause": ["sessionId", "paused"],
  "control:close": ["sessionId"],
  "control:reveal": ["sessionId"],
  "control:kick": ["sessionId", "userId"],
  "control:end": ["sessionId"],
  "control:unlock": ["sessionId"],
  "xor:watch": ["sessionId"],
  "xor:submit": ["sessionId", "exerciseId", "clientId", "run"],
  "no:such:event": ["x"],
};

const isClearAnswer = (res: unknown) =>
  typeof res === "object" && res !== null && ((res as { ok: unknown }).ok === true || ((res as { ok: unknown }).ok === false && (ERROR_CODES as readonly string[]).includes((res as { error: string }).error)));

describe("fuzzing", () => {
  it(`${SOCKET_RUNS} socket payloads and ${HTTP_RUNS} JSON bodies: all answered with a code, server up, memory bounded`, async () => {
    // A real class, a live session and a homework, so that some generated ids are real ones.
    const { t, cls } = await made.world.teacherWithClass("Fuzz");
    const { lesson } = await made.world.lesson(t);
    const sessionId = await made.world.startSession(t, cls.id, lesson.id);
    const hw = (await t.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: new Date(Date.now() + 864e5).toISOString() })).body.id;
    const { c: stu } = await made.world.student(cls.joinCode, "Fuzzy");
    const ids = [cls.id, sessionId, lesson.id, hw, ...lesson.exercises.map((e) => e.id)];

    const teacher = await made.world.open(t);
    const student = await made.world.open(stu);
    await student.emitWithAck("session:enter", { sessionId });
    const baseline = rssMb();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 200);
    const drops: string[] = [];
    teacher.on("disconnect", (r) => drops.push(`teacher: ${r}`));
    student.on("disconnect", (r) => drops.push(`student: ${r}`));
    let tSockets = 0;
    let nSocket = 0;
    let nHttp = 0;
    const t0 = Date.now();
    try {

    // ---- sockets ----
    const names = Object.keys(EVENTS);
    const perEvent = Math.ceil(SOCKET_RUNS / names.length);
    const cases = names
      .flatMap((event) => fc.sample(anyPayload(EVENTS[event], ids), perEvent).map((payload, k) => ({ event, socket: k % 2 ? teacher : student, payload })))
      .slice(0, SOCKET_RUNS);
    cases.sort(() => Math.random() - 0.5);
    const unclear: unknown[] = [];
    const BATCH = 100;
    for (let i = 0; i < cases.length; i += BATCH) {
      await Promise.all(
        cases.slice(i, i + BATCH).map(async (c) => {
          if (c.event === "session:progress") return void c.socket.emit("session:progress", c.payload as never);
          try {
            const res: unknown = await (c.socket.timeout(10_000) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck(c.event, c.payload);
            if (!isClearAnswer(res)) unclear.push({ event: c.event, res });
          } catch (e) {
            unclear.push({ event: c.event, error: String(e) });
          }
        }),
      );
      expect(drops, `a socket was dropped in batch ${i / BATCH}`).toEqual([]);
    }
    expect(unclear.slice(0, 5)).toEqual([]);

    tSockets = Date.now();
    nSocket = cases.length;
    // ---- JSON routes ----
    const routes: [string, string, string, Client][] = [
      ["POST", "/api/signup", "", new Client(made.server.url)],
      ["POST", "/api/classes", "", t],
      ["POST", `/api/classes/${cls.id}/sessions`, "", t],
      ["POST", `/api/classes/${cls.id}/instructors`, "", t],
      ["POST", `/api/classes/${cls.id}/assignments`, "", t],
      ["PATCH", `/api/lessons/${lesson.id}`, "", t],
      ["PUT", `/api/lessons/${lesson.id}/exercises/0`, "", t],
      ["POST", `/api/homework/${hw}/start`, "", stu],
      ["POST", `/api/homework/${hw}/submissions`, "", stu],
    ];
    const bodies = fc.sample(
      fc.tuple(
        fc.nat({ max: routes.length - 1 }),
        fc.oneof(
          anyPayload(["name", "email", "password", "lessonId", "dueAt", "title", "config", "exerciseId", "clientId", "payload"], ids).map((v) => JSON.stringify(v) ?? "null"),
          fc.string({ maxLength: 200 }), // not JSON at all
          fc.string({ unit: "binary", maxLength: 200 }),
        ),
      ),
      HTTP_RUNS,
    );
    nHttp = bodies.length;
    const serverErrors: unknown[] = [];
    for (let i = 0; i < bodies.length; i += 20) {
      await Promise.all(
        bodies.slice(i, i + 20).map(async ([r, body]) => {
          const [method, path, , client] = routes[r];
          const res = await client.fetch(path, { method, headers: { "content-type": "application/json" }, body });
          const out = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
          const coded = res.ok || (out?.error && (ERROR_CODES as readonly string[]).includes(out.error.code));
          if (res.status >= 500 || !coded) serverErrors.push({ path, status: res.status, out });
          if (out?.error?.message) expect(out.error.message).not.toMatch(/prisma|invalid byte|at .*\.ts|Error:/i);
        }),
      );
    }
    expect(serverErrors.slice(0, 5)).toEqual([]);
    } finally {
      clearInterval(sampler);
    }

    // Still up and serving; memory bounded.
    expect((await fetch(made.server.url + "/")).status).toBe(200);
    expect(await teacher.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    const growth = peak - baseline;
    console.log(`[fuzz] sockets ${((tSockets - t0) / 1000).toFixed(1)} s, HTTP ${((Date.now() - tSockets) / 1000).toFixed(1)} s`);
    console.log(`[fuzz] ${nSocket} socket + ${nHttp} HTTP payloads; RSS ${baseline.toFixed(0)} MB -> peak ${peak.toFixed(0)} MB (+${growth.toFixed(0)} MB), now ${rssMb().toFixed(0)} MB`);
    expect(growth).toBeLessThan(300);
    expect(made.server.log()).not.toMatch(/FATAL|heap out of memory|Unhandled/i);
  }, 120_000);
});
