// What the server knows about its backing services, shared by the custom server (which talks to
// Redis) and the Next bundle (the /api/health route): both are copies of this module in one
// process, so the state lives on globalThis.
import { db } from "./db";

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
