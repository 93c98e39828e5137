// What the server knows about its backing services, shared by the custom server (which talks to
// Redis) and the Next bundle (the /api/health route): both are copies of this module in one
// process, so the state lives on globalThis.
import { db } from "../db";

export type RedisState = "off" | "up" | "down";
type Health = { redis: RedisState };
const holder = globalThis as unknown as { __neuronlabHealth?: Health };
const state = (): Health => (holder.__neuronlabHealth ??= { redis: "off" });

export function setRedisState(s: RedisState): void {
  state().redis = s;
}

export function redisState(): RedisState {
  return state().redis;
}

/** One `SELECT 1`, given at most timeoutMs: false when the database does not answer in time. */
export async function databaseAnswers(timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true as const), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The load balancer's check (deploy/haproxy.cfg): is this node serving. Answered before Next.js. */
export const NODE_HEALTH_PATH = "/api/health/node";

/**
 * Answers the balancer's check: 200 while the process serves. The database is not asked: when
 * PostgreSQL restarts every node waits for it alike, and marking them all down would refuse every
 * student at the balancer instead of letting each node tell its students (/api/health says that).
 */
export function answerNodeHealth(res: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown }): void {
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end('{"node":"up"}');
}
