// Rate limits (rate-limiter-flexible): in memory by default, in Redis when REDIS_URL is set (so that
// every node counts the same attempts). The custom server installs them on globalThis at start-up;
// the Next.js bundle (sign-in) and the socket hub read the same instance from there.
import { RateLimited } from "../errors";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface LimitRule {
  points: number;
  /** Window, seconds. */
  duration: number;
  /** Once exceeded, refused for this long (seconds); 0: until the window ends. */
  block?: number;
}

/**
 * The rules. Sign-in: per account, a backoff after 5 failed passwords in a row (5 s, doubling, at most
 * 15 min; a success clears it); per address, 30 failures in 15 min. Joining: unknown join codes per
 * address (guessing), 100 a minute, then 2 min out (a school behind one NAT makes typos too; valid
 * joins are not limited here, the class's own join controls handle floods). Socket events per user.
 */
export const RULES = {
  signInFailAccount: { points: 1000, duration: 60 * 60 },
  signInHoldAccount: { points: 1, duration: 1 },
  signInFailAddress: { points: 30, duration: 15 * 60, block: 15 * 60 },
  joinUnknownAddress: { points: 100, duration: 60, block: 120 },
  "session:submit": { points: 10, duration: 10 },
  "session:enter": { points: 10, duration: 10 },
  "class:watch": { points: 10, duration: 10 },
  "board:watch": { points: 10, duration: 10 },
  control: { points: 30, duration: 10 },
  otherEvent: { points: 30, duration: 10 },
} satisfies Record<string, LimitRule>;
export type RuleName = keyof typeof RULES;

export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_BACKOFF_BASE_S = 5;
export const SIGN_IN_BACKOFF_MAX_S = 15 * 60;

/** Seconds an account is held back after `fails` failed passwords in a row. */
export function backoffSeconds(fails: number): number {
  if (fails < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_BACKOFF_MAX_S, SIGN_IN_BACKOFF_BASE_S * 2 ** (fails - SIGN_IN_FREE_FAILURES));
}


export interface Limits {
  /** Take one point; throws RateLimited (with the seconds to wait) when there is none left. */
  consume(rule: RuleName, key: string): Promise<void>;
  /** Seconds until this key may try again, 0 if it may now (takes nothing). */
  waitFor(rule: RuleName, key: string): Promise<number>;
  /** Count one failure and return how many in a row (for backoffs). */
  countFailure(rule: RuleName, key: string): Promise<number>;
  /** Hold a key back for this long. */
  hold(rule: RuleName, key: string, seconds: number): Promise<void>;
  reset(rule: RuleName, key: string): Promise<void>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** `factor` multiplies every rule's points (RATE_LIMIT_FACTOR, for load tests and benchmarks). */
export function createLimits(opts: { redis?: unknown; factor?: number } = {}): Limits {
  const factor = opts.factor ?? 1;
  const limiters = new Map<RuleName, RateLimiterAbstract>();
  const make = (name: RuleName): RateLimiterAbstract => {
    const r: LimitRule = RULES[name];
    const base = { keyPrefix: `nl-rl:${name}`, points: Math.max(1, Math.round(r.points * factor)), duration: r.duration, blockDuration: r.block ?? 0 };
    if (!opts.redis) return new RateLimiterMemory(base);
    // A Redis outage must not open the gates: each node falls back to counting in its own memory.
    return new RateLimiterRedis({ ...base, storeClient: opts.redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(base) });
  };
  const get = (name: RuleName) => {
    let l = limiters.get(name);
    if (!l) limiters.set(name, (l = make(name)));
    return l;
  };
  return {
    async consume(rule, key) {
      try {
        await get(rule).consume(key);
      } catch (e) {
        if (e instanceof RateLimiterRes) throw new RateLimited(seconds(e.msBeforeNext));
        throw e;
      }
    },
    async waitFor(rule, key) {
      const l = get(rule);
      const res = await l.get(key);
      return res && res.consumedPoints > l.points ? seconds(res.msBeforeNext) : 0;
    },
    async countFailure(rule, key) {
      try {
        return (await get(rule).penalty(key, 1)).consumedPoints;
      } catch (e) {
        if (e instanceof RateLimiterRes) return e.consumedPoints;
        throw e;
      }
    },
    async hold(rule, key, s) {
      await get(rule).block(key, s);
    },
    async reset(rule, key) {
      await get(rule).delete(key);
    },
  };
}

const holder = globalThis as unknown as { __neuronlabLimits?: Limits };

export function installLimits(limits: Limits): void {
  holder.__neuronlabLimits = limits;
}

export function limits(): Limits {
  return (holder.__neuronlabLimits ??= createLimits());
}
