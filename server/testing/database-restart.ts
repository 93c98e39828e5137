// PostgreSQL restarted in the middle of a lecture, with students on two nodes behind the real
// balancer: every student has a submission stored; the database stops; each student sends another
// and is told it is not stored yet (databaseUnavailable: the page keeps it and sends it again); the
// database comes back after `downMs`; each student resends every RETRY_LATER_MS as the page does
// until it is acknowledged. Measured from outside, as a user notices: whether anybody was
// disconnected (nobody should have to reload), when the nodes answered /api/health again, when the
// last resend was acknowledged, whether the next push reached everyone, and what is stored (each
// submission once). Used by server/database-restart.test.ts (20 students) and
// bench/database-restart.ts (any number).
import { startBalancer, type Balancer } from "./balancer";
import { postgresBackend, startServer, type RunningServer } from "./server";
import { port, throwawayPostgres, type Throwaway } from "./throwaway";
import { openHall, pushReaching, sleep, storedSubmissions } from "./hall";
import { RETRY_LATER_MS } from "@/lib/live/pending-submission";
import { train } from "@/lib/nn/perceptron";

export interface DatabaseRestartFigures {
  students: number;
  /** Acknowledged before the restart. */
  ackedBefore: number;
  /** Told `databaseUnavailable` while the database was down (the page keeps those and resends). */
  toldUnavailable: number;
  /** Any other answer while it was down (should be none). */
  otherAnswers: Record<string, number>;
  /** ms from the stop until both nodes' /api/health said 503 (the instructor's banner). */
  healthDownMs: number | null;
  downMs: number;
  /** ms from the start until both nodes' /api/health said 200 again. */
  healthUpMs: number | null;
  /** ms from the start until every kept submission was acknowledged (resent every RETRY_LATER_MS). */
  allResentAckedMs: number | null;
  resentAcked: number;
  /** Students disconnected at any time from the stop to the end (nobody should be). */
  disconnects: number;
  pushReached: number;
  pushExpected: number;
  /** Rows stored: each acknowledged submission once (2 per student when all went well). */
  stored: number;
}

async function healthStatus(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

/** ms from `from` until every node's /api/health answers `status`, polled every 200 ms; null past limitMs. */
async function healthOfAll(nodes: RunningServer[], status: number, from: number, limitMs: number): Promise<number | null> {
  while (Date.now() - from < limitMs) {
    const st = await Promise.all(nodes.map((x) => healthStatus(x.url)));
    if (st.every((x) => x === status)) return Date.now() - from;
    await sleep(200);
  }
  return null;
}

export async function restartTheDatabase(opts: {
  lb: Balancer;
  nodes: RunningServer[];
  database: Throwaway;
  demo: { email: string; password: string };
  students: number;
  downMs?: number;
  limitMs?: number;
  log?: (line: string) => void;
}): Promise<DatabaseRestartFigures> {
  const { lb, nodes, database, students: n } = opts;
  const downMs = opts.downMs ?? 5000;
  const limitMs = opts.limitMs ?? 120_000;
  const log = opts.log ?? (() => {});
  const hall = await openHall({ lb, demo: opts.demo, students: n, log });
  try {
    const { teacher, cls, sessionId, exercise, boardSocketA, all } = hall;
    const gate = exercise("GATE");
    await boardSocketA.emitWithAck("control:push", { sessionId, exerciseId: gate });
    const payloadOf = (seed: number) => {
      const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed };
      const { final } = train(cfg);
      return { ...cfg, w: final.w, b: final.b };
    };
    const first = payloadOf(7);
    const submit = (i: number, clientId: string, payload: unknown) => all[i].socket.timeout(10_000).emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId, payload }).catch(() => ({ ok: false as const, error: "timeout" }));
    const before = await Promise.all(all.map((s, i) => submit(i, `${s.clientId}-a`, first)));
    const ackedBefore = before.filter((r) => r.ok).length;

    let disconnects = 0;
    for (const s of all) s.socket.on("disconnect", () => disconnects++);
    log("stopping PostgreSQL");
    const tStop = Date.now();
    await database.stop();
    const healthDownMs = await healthOfAll(nodes, 503, tStop, limitMs);
    log(`health 503 on both nodes after ${healthDownMs} ms`);
    const second = payloadOf(8);
    const during = await Promise.all(all.map((s, i) => submit(i, `${s.clientId}-b`, second)));
    const otherAnswers: Record<string, number> = {};
    let toldUnavailable = 0;
    for (const r of during) {
      if (!r.ok && r.error === "databaseUnavailable") toldUnavailable++;
      else {
        const k = r.ok ? "ok" : r.error;
        otherAnswers[k] = (otherAnswers[k] ?? 0) + 1;
      }
    }
    log(`while down: ${toldUnavailable} told databaseUnavailable, others ${JSON.stringify(otherAnswers)}`);
    await sleep(Math.max(0, downMs - (Date.now() - tStop)));

    log("starting PostgreSQL");
    await database.start();
    const tStart = Date.now();
    // The pages resend what they keep every RETRY_LATER_MS until it is acknowledged.
    const acked = new Set<number>();
    const resending = (async () => {
      while (acked.size < n && Date.now() - tStart < limitMs) {
        const waiting = all.filter((s) => !acked.has(s.i));
        const answers = await Promise.all(waiting.map((s) => submit(s.i, `${s.clientId}-b`, second)));
        answers.forEach((r, k) => r.ok && acked.add(waiting[k].i));
        if (acked.size < n) await sleep(RETRY_LATER_MS);
      }
      return acked.size === n ? Date.now() - tStart : null;
    })();
    const healthUpMs = await healthOfAll(nodes, 200, tStart, limitMs);
    const allResentAckedMs = await resending;
    log(`health up after ${healthUpMs} ms, every kept submission acknowledged after ${allResentAckedMs} ms`);

    const there = all.filter((s) => s.socket.connected);
    const next = exercise("XOR");
    const pushReached = await pushReaching(there, () => boardSocketA.emitWithAck("control:push", { sessionId, exerciseId: next }), next);
    return {
      students: n, ackedBefore, toldUnavailable, otherAnswers, healthDownMs, downMs, healthUpMs, allResentAckedMs,
      resentAcked: acked.size, disconnects, pushReached, pushExpected: n, stored: await storedSubmissions(teacher, cls.id),
    };
  } finally {
    hall.close();
  }
}

/**
 * The whole scenario on a PostgreSQL of its own (the shared one is never stopped): two nodes on it
 * and on Redis behind HAProxy, the restart, then everything stopped and removed. Needs the
 * PostgreSQL server binaries and haproxy (throwaway.ts's missing(), balancer.ts's haproxyMissing()).
 */
export async function databaseRestartOnTwoNodes(opts: { students: number; downMs?: number; redisUrl: string; portOffset?: number; log?: (line: string) => void }): Promise<DatabaseRestartFigures> {
  const log = opts.log ?? (() => {});
  log("starting a PostgreSQL of this run's own");
  const database = await throwawayPostgres("db-restart", opts.portOffset ?? 90);
  const backend = await postgresBackend(database.url);
  const nodes: RunningServer[] = [];
  let lb: Balancer | null = null;
  try {
    log("starting two nodes (production build)");
    for (let k = 0; k < 2; k++) nodes.push(await startServer(backend, { REDIS_URL: opts.redisUrl }));
    lb = await startBalancer(await port((opts.portOffset ?? 90) + 1), nodes.map((n) => n.port));
    return await restartTheDatabase({ lb, nodes, database, demo: nodes[0].demo!, students: opts.students, downMs: opts.downMs, log });
  } finally {
    await lb?.stop();
    for (const n of nodes) await n.stop();
    await backend.dispose().catch(() => {});
    await database.dispose();
  }
}
