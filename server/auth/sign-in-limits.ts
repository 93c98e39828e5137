// Rate limits around signing in and joining: failed passwords per account (backoff) and per address
// (next-auth's instructor authorize()); unknown join codes per address (POST /api/join). The address and a request id
// come from the custom server (server/http/edge.ts), which also turns a recorded wait into Retry-After.
import { backoffSeconds, limits, type RuleName } from "../http/rate-limits";
import { isRateLimited, RateLimited } from "../errors";

export const CLIENT_IP_HEADER = "x-neuronlab-client-ip";
export const REQUEST_ID_HEADER = "x-neuronlab-request-id";

type Headers = Record<string, string | string[] | undefined> | undefined;

const waits = globalThis as unknown as { __neuronlabRetryAfter?: Map<string, number> };
/** Seconds to wait, per request id, for the custom server to send as Retry-After. */
export function retryAfterFor(requestId: string): number | undefined {
  const m = waits.__neuronlabRetryAfter;
  const v = m?.get(requestId);
  m?.delete(requestId);
  return v;
}

function header(h: Headers, name: string): string {
  const v = h?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

function refuse(headers: Headers, seconds: number): never {
  const id = header(headers, REQUEST_ID_HEADER);
  if (id) (waits.__neuronlabRetryAfter ??= new Map()).set(id, seconds);
  throw new RateLimited(seconds);
}

/** One more failure of this key in the bucket; refused (with the wait recorded) when that is one too many. */
async function consumeOrRefuse(headers: Headers, bucket: RuleName, key: string): Promise<void> {
  try {
    await limits().consume(bucket, key);
  } catch (e) {
    if (isRateLimited(e)) refuse(headers, e.retryAfterS);
    throw e;
  }
}

/** An instructor's sign-in: refused while the account or the address is held back. */
export async function limitInstructorSignIn<T>(email: string, headers: Headers, check: () => Promise<T | null>): Promise<T | null> {
  const address = header(headers, CLIENT_IP_HEADER) || "unknown";
  const l = limits();
  const wait = Math.max(await l.waitFor("signInHoldAccount", email), await l.waitFor("signInFailAddress", address));
  if (wait > 0) refuse(headers, wait);
  const user = await check();
  if (user) {
    await l.reset("signInFailAccount", email);
    return user;
  }
  const fails = await l.countFailure("signInFailAccount", email);
  const hold = backoffSeconds(fails);
  if (hold > 0) await l.hold("signInHoldAccount", email, hold);
  await consumeOrRefuse(headers, "signInFailAddress", address);
  return null;
}

/** A student's join: while an address is held back for guessing codes, it may not try any code. */
export async function limitJoin<T>(headers: Headers, join: () => Promise<T>, isUnknownCode: (e: unknown) => boolean): Promise<T> {
  const address = header(headers, CLIENT_IP_HEADER) || "unknown";
  const l = limits();
  const wait = await l.waitFor("joinUnknownAddress", address);
  if (wait > 0) refuse(headers, wait);
  try {
    return await join();
  } catch (e) {
    if (isUnknownCode(e)) await consumeOrRefuse(headers, "joinUnknownAddress", address);
    throw e;
  }
}
