// Per-socket middleware for every client event, before its handler: the payload's sanity (depth,
// size, prototype keys, control characters, binary) and the user's rate limit for that kind of event.
// A refused event is answered on its ack: `invalidInput`, or `rateLimited` with `retryAfter` (s).
import { saneJson } from "@/lib/edge/edge-policy";
import { limits, type RuleName } from "../http/rate-limits";
import { isRateLimited } from "../errors";
import type { HubSocket } from "./socket-types";

/** Progress is volatile and throttled by its handler (at most 10 a second are even looked at). */
const UNLIMITED = new Set(["session:progress"]);
/** How many recent submission ids a socket remembers: a resend of one of them is not a new attempt. */
const RECENT_SUBMISSIONS = 32;

export function ruleFor(event: string): RuleName {
  if (event.startsWith("control:")) return "control";
  if (event === "session:submit" || event === "session:enter" || event === "class:watch" || event === "board:watch") return event;
  return "otherEvent";
}

type Verdict = { ok: true } | { ok: false; retryAfter?: number };

export function installSocketLimits(socket: HubSocket, userId: string): void {
  // clientId -> the verdict of its first send: a resend (a retry after a lost ack, or the same
  // submission sent twice at once) shares it, so it gets the stored result and costs nothing more.
  const submissions = new Map<string, Promise<Verdict>>();

  const take = (rule: RuleName): Promise<Verdict> =>
    limits()
      .consume(rule, userId)
      .then((): Verdict => ({ ok: true }))
      .catch((e: unknown): Verdict => {
        if (isRateLimited(e)) return { ok: false, retryAfter: e.retryAfterS };
        console.error("socket rate limit failed", e);
        return { ok: false };
      });

  socket.use((packet, next) => {
    const [event, ...args]: [string, ...unknown[]] = packet;
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as (res: unknown) => void) : undefined;
    const payload = ack ? args.slice(0, -1) : args;
    // Every event takes one payload (and an ack); an event nobody listens to is answered too, so that
    // a client never waits for an ack that will not come.
    const known = typeof event === "string" && socket.listenerCount(event) > 0;
    if (!known || payload.length > 1 || !saneJson(payload)) {
      ack?.({ ok: false, error: "invalidInput" });
      return;
    }
    if (UNLIMITED.has(event)) return next();

    let verdict: Promise<Verdict>;
    const clientId = event === "session:submit" ? (payload[0] as { clientId?: unknown } | undefined)?.clientId : undefined;
    if (typeof clientId === "string" && clientId.length <= 64) {
      verdict = submissions.get(clientId) ?? take("session:submit");
      submissions.set(clientId, verdict);
      if (submissions.size > RECENT_SUBMISSIONS) submissions.delete(submissions.keys().next().value!);
      // A refused send is forgotten: trying the same submission later is a new attempt.
      void verdict.then((v) => !v.ok && submissions.get(clientId) === verdict && submissions.delete(clientId));
    } else {
      verdict = take(ruleFor(event));
    }
    void verdict.then((v) => {
      if (v.ok) return next();
      if (v.retryAfter !== undefined) ack?.({ ok: false, error: "rateLimited", retryAfter: v.retryAfter });
      else ack?.({ ok: false, error: "serverError" });
    });
  });
}
