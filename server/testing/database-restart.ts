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
import { openHall, pushReaching, sleep, storedSubmissions, type HallStudent } from "./hall";
import { RETRY_LATER_MS } from "@/lib/live/pending-submission";
import { train } from "@/lib/nn/perceptron";

export interface DatabaseRestartFigures {
  students: number;
  /** Acknowledged before the restart (everyone submits within 10 s, resending until acknowledged). */
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

/**
 * Each student sends until acknowledged, as the page does: the first send at a random moment within
 * spreadMs, again RETRY_LATER_MS after a refusal or no answer within 10 s (the same clientId: stored
 * once). The ms from the start until the last acknowledgement (null: not all within limitMs).
 */
async function untilAcked(students: HallStudent[], send: (s: HallStudent) => Promise<{ ok: boolean }>, spreadMs: number, limitMs: number) {
  const t0 = Date.now();
  let acked = 0;
  let last = t0;
  await Promise.all(
    students.map(async (s) => {
      await sleep(Math.random() * spreadMs);
      while (Date.now() - t0 < limitMs) {
        if ((await send(s)).ok) {
          acked++;
          last = Date.now();
          return;
        }
        await sleep(RETRY_LATER_MS);
      }
    }),
  );
  return { acked, ms: acked === students.length ? last - t0 : null };
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
    const submit = (s: HallStudent, clientId: string, payload: unknown) => s.socket.timeout(10_000).emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId, payload }).catch(() => ({ ok: false as const, error: "timeout" }));
    // Everyone submits within a 10 s window, sent again until acknowledged as the page does.
    const before = await untilAcked(all, (s) => submit(s, `${s.clientId}-a`, first), 10_000, limitMs);
    log(`before: ${before.acked} acknowledged in ${before.ms} ms`);

    let disconnects = 0;
    for (const s of all) s.socket.on("disconnect", () => disconnects++);
    log("stopping PostgreSQL");
    const tStop = Date.now();
    await database.stop();
    const healthDownMs = await healthOfAll(nodes, 503, tStop, limitMs);
    log(`health 503 on both nodes after ${healthDownMs} ms`);
    const second = payloadOf(8);
    const during = await Promise.all(all.map((s) => submit(s, `${s.clientId}-b`, second)));
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
    const resending = untilAcked(all, (s) => submit(s, `${s.clientId}-b`, second), 0, limitMs);
    const healthUpMs = await healthOfAll(nodes, 200, tStart, limitMs);
    const resent = await resending;
    log(`health up after ${healthUpMs} ms, every kept submission acknowledged after ${resent.ms} ms`);

    const there = all.filter((s) => s.socket.connected);
    const next = exercise("XOR");
    const pushReached = await pushReaching(there, () => boardSocketA.emitWithAck("control:push", { sessionId, exerciseId: next }), next);
    return {
      students: n, ackedBefore: before.acked, toldUnavailable, otherAnswers, healthDownMs, downMs, healthUpMs, allResentAckedMs: resent.ms,
      resentAcked: resent.acked, disconnects, pushReached, pushExpected: n, stored: await storedSubmissions(teacher, cls.id),
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
