// Integration: outages on a PostgreSQL and a Redis of the test's own (never the shared ones).
// PostgreSQL stopped mid-session: the server stays up, /api/health (the instructor's banner) says
// so, a submission is not acknowledged as stored (the browser keeps it and sends it again), and
// nothing acknowledged is lost once it is back. Redis stopped under two nodes: each node keeps
// serving its own students, and shares rooms again when Redis returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import pg from "pg";
import { nextEvent, type TestSocket } from "./testing/sockets";
import { World } from "./testing/world";
import { startServer, TEST_SECRET, type Backend, type RunningServer } from "./testing/server";
import { missing, port, throwawayPostgres, throwawayRedis, type Throwaway } from "./testing/throwaway";
import { train } from "@/lib/nn/perceptron";

const why = missing();
if (why) console.warn(`[skip] outage tests: ${why} not found; they start their own PostgreSQL and Redis`);

let pgServer: Throwaway;
let seq = 0;
const clientId = () => `outage-${Date.now()}-${++seq}`;
const run = (seed: number) => {
  const { final } = train({ gate: "AND", lr: 0.1, epochs: 100, seed });
  return { gate: "AND", lr: 0.1, epochs: 100, seed, w: final.w, b: final.b };
};

async function database(name: string): Promise<Backend> {
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgServer.url);
  url.pathname = `/${name}`;
  return { name: "postgres", env: { DATABASE_URL: url.toString(), SEED_DEMO: "1", AUTH_SECRET: TEST_SECRET, DATA_DIR: `/tmp/policy-outage-${name}` }, dispose: async () => fs.rmSync(`/tmp/policy-outage-${name}`, { recursive: true, force: true }) };
}

async function health(server: RunningServer) {
  const res = await fetch(`${server.url}/api/health`);
  return { status: res.status, ...((await res.json()) as { db: string; redis: string }) };
}

/** Worlds on this test's servers, their sockets closed at the end. */
const worlds: World[] = [];
function world(server: RunningServer): World {
  const w = new World(server.url);
  worlds.push(w);
  return w;
}

/** A live session on `server`, its students joined and entered through `studentServers` in turn. */
async function classWithSession(server: RunningServer, nicknames: string[], studentServers: RunningServer[] = [server]) {
  const live = await world(server).liveClass(`Outage ${++seq}`);
  const on = studentServers.map(world);
  const students: TestSocket[] = [];
  for (const [i, nickname] of nicknames.entries()) students.push((await live.enter(nickname, on[i % on.length])).socket);
  return { ...live, students };
}

/** Two nodes on a database of the test's PostgreSQL, sharing rooms through a Redis of the test's own. */
async function withTwoNodes(name: string, ports: { redis?: number; a: number; b: number }, test: (nodes: { nodeA: RunningServer; nodeB: RunningServer; redis: Throwaway }) => Promise<void>) {
  const redis = await throwawayRedis(ports.redis);
  const backend = await database(name);
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  try {
    a = await startServer(backend, { REDIS_URL: redis.url, PORT: String(await port(ports.a)) });
    b = await startServer(backend, { REDIS_URL: redis.url, PORT: String(await port(ports.b)) });
    await test({ nodeA: a, nodeB: b, redis });
  } finally {
    await a?.stop();
    await b?.stop();
    await redis.dispose();
    await backend.dispose();
  }
}

describe.skipIf(why !== null)("outages", () => {
  beforeAll(async () => {
    pgServer = await throwawayPostgres("policy");
  });
  afterAll(async () => {
    for (const w of worlds) w.close();
    await pgServer?.dispose();
  });

  it("PostgreSQL stopped mid-session: nothing acknowledged is lost, the rest is sent again", async () => {
    const backend = await database("outage_pg");
    let server: RunningServer | undefined;
    try {
      const node = (server = await startServer(backend, { PORT: String(await port(20)) }));
      const { t, cls, sessionId, byType, teacher, students } = await classWithSession(server, ["Ana"]);
      const [ana] = students;
      const gate = byType("GATE");
      await teacher.emitWithAck("control:push", { sessionId, exerciseId: gate });
      const first = await ana.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: run(1) });
      expect(first).toMatchObject({ ok: true, result: { score: 10 } });
      expect(await health(server)).toMatchObject({ status: 200, db: "up" });

      await pgServer.stop();
      expect(await health(server)).toMatchObject({ status: 503, db: "down" });
      const retried = clientId();
      const during = await ana.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: retried, payload: run(2) });
      expect(during).toEqual({ ok: false, error: "databaseUnavailable" });
      expect(await teacher.emitWithAck("control:pause", { sessionId, paused: true })).toEqual({ ok: false, error: "databaseUnavailable" });
      expect(ana.connected && teacher.connected).toBe(true); // the server and its sockets stayed up

      await pgServer.start();
      await expect.poll(async () => (await health(node)).db, { timeout: 15_000, interval: 500 }).toBe("up");
      // The browser sends the kept submission again, with the same client id: stored once.
      const again = await ana.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: retried, payload: run(2) });
      expect(again).toMatchObject({ ok: true, result: { score: 10 } });
      expect(await ana.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: retried, payload: run(2) })).toEqual(again);
      const csv = await (await t.fetch(`/api/classes/${cls.id}/export/submissions`)).text();
      expect(csv.trim().split(/\r\n/).length - 1).toBe(2);
    } finally {
      await server?.stop();
      await backend.dispose();
    }
  }, 240_000);

  it("Redis stopped under two nodes: each node serves its own students, and they share again when it returns", async () => {
    await withTwoNodes("outage_redis", { a: 21, b: 22 }, async ({ nodeA, nodeB, redis }) => {
      const { sessionId, byType, teacher, students } = await classWithSession(nodeA, ["OnA", "OnB"], [nodeA, nodeB]);
      const [onA, onB] = students;
      const reached = (s: TestSocket, type: string) => nextEvent(s, "session:update", (st) => st.exercise?.type === type, 8000);
      const both = [reached(onA, "GATE"), reached(onB, "GATE")];
      await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });
      await Promise.all(both);

      await redis.stop();
      await expect.poll(async () => [(await health(nodeA)).redis, (await health(nodeB)).redis], { timeout: 10_000, interval: 300 }).toEqual(["down", "down"]);
      // Node A: the instructor's controls answer at once and reach the students on node A.
      const gotA = reached(onA, "XOR");
      const started = Date.now();
      expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("XOR") })).toEqual({ ok: true });
      expect(Date.now() - started).toBeLessThan(3000);
      await gotA;
      const onBoard = nextEvent(teacher, "board:result");
      expect(await onA.emitWithAck("session:submit", { sessionId, exerciseId: byType("XOR"), clientId: clientId(), payload: { lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "notSeparable" } })).toMatchObject({ ok: true });
      await onBoard;
      // Node B: its student still works and hands in (graded and stored on the shared database).
      // (It missed the push made on node A; the session's current exercise is read from the database.)
      expect(await onB.emitWithAck("session:submit", { sessionId, exerciseId: byType("XOR"), clientId: clientId(), payload: { lr: 0.1, epochs: 10, seed: 2, bestAccuracy: 0.5, explanation: "notSeparable" } })).toMatchObject({ ok: true, result: { maxScore: 10 } });

      await redis.start();
      await expect.poll(async () => [(await health(nodeA)).redis, (await health(nodeB)).redis], { timeout: 15_000, interval: 300 }).toEqual(["up", "up"]);
      const backOnB = reached(onB, "ACTIVATION");
      await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("ACTIVATION") });
      await backOnB;
    });
  }, 240_000);

  it("PostgreSQL restarted with students on two nodes: nobody is dropped, nothing acknowledged is lost", async () => {
    await withTwoNodes("outage_pg_two", { redis: 61, a: 23, b: 24 }, async ({ nodeA, nodeB }) => {
      console.log("[outage] two nodes up");
      const { t, cls, sessionId, byType, teacher, students } = await classWithSession(nodeA, ["PgA", "PgB"], [nodeA, nodeB]);
      const gate = byType("GATE");
      await teacher.emitWithAck("control:push", { sessionId, exerciseId: gate });
      for (const [i, s] of students.entries()) expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: run(10 + i) })).toMatchObject({ ok: true });

      console.log("[outage] stopping PostgreSQL");
      await pgServer.stop();
      await expect.poll(async () => [(await health(nodeA)).status, (await health(nodeB)).status], { timeout: 10_000, interval: 300 }).toEqual([503, 503]);
      // Both nodes' students are told their work is not stored yet (the page keeps it and resends).
      const kept = students.map(() => clientId());
      for (const [i, s] of students.entries()) {
        expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: kept[i], payload: run(20 + i) })).toEqual({ ok: false, error: "databaseUnavailable" });
      }
      expect([teacher, ...students].every((s) => s.connected)).toBe(true); // nobody had to reload

      console.log("[outage] starting PostgreSQL");
      await pgServer.start();
      await expect.poll(async () => [(await health(nodeA)).db, (await health(nodeB)).db], { timeout: 20_000, interval: 500 }).toEqual(["up", "up"]);
      for (const [i, s] of students.entries()) {
        const again = await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: kept[i], payload: run(20 + i) });
        expect(again).toMatchObject({ ok: true, result: { score: 10 } });
        expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: kept[i], payload: run(20 + i) })).toEqual(again);
      }
      // A push after the restart reaches the students on both nodes.
      const reached = students.map((s) => nextEvent(s, "session:update", (st) => st.exercise?.type === "XOR", 8000));
      expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("XOR") })).toEqual({ ok: true });
      await Promise.all(reached);
      const csv = await (await t.fetch(`/api/classes/${cls.id}/export/submissions`)).text();
      expect(csv.trim().split(/\r\n/).length - 1).toBe(4); // two before, two kept and resent: each once
    });
  }, 480_000);
});
