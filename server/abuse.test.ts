// Integration: rate limits on the real server. Sign-in per account (backoff) and per address; join
// code guessing per address (in server/join/join-route.test.ts) while valid joins from one address (a school's NAT) are not limited;
// socket events per user. Every refusal is `rateLimited` with a Retry-After. TRUST_PROXY=1 lets each
// test speak from its own address through X-Forwarded-For.
import { describe, expect, it } from "vitest";
import { startWorld } from "./testing/world";
import { Client } from "./testing/http-client";

const made = startWorld({ env: { TRUST_PROXY: "1" } });
let seq = 0;

const address = () => `198.51.100.${++seq}`;
const client = (ip = address()) => made.world.client(ip);

/** An instructor's sign-in attempt with its raw answer: status, Retry-After and the error code. */
async function attempt(c: Client, fields: Record<string, string>) {
  const { body } = await c.json<{ csrfToken: string }>("/api/auth/csrf");
  const res = await c.fetch("/api/auth/callback/instructor", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: body.csrfToken, json: "true" }),
  });
  const url = ((await res.json()) as { url: string }).url;
  return { status: res.status, retryAfter: res.headers.get("retry-after"), error: new URL(url).searchParams.get("error") };
}

async function instructorAccount() {
  const email = `abuse-${Date.now()}-${++seq}@example.com`;
  expect((await client().signUp("Teacher", email, "correct horse")).status).toBe(201);
  return email;
}

describe("sign-in", () => {
  it("after 5 wrong passwords in a row an account is held back, even with the right one, with a Retry-After", async () => {
    const email = await instructorAccount();
    const c = client();
    for (let i = 0; i < 5; i++) expect((await attempt(c, { email, password: `wrong-${i}` })).error).toBe("badCredentials");
    const held = await attempt(client(), { email, password: "correct horse" }); // another address: per account
    expect(held).toMatchObject({ status: 429, error: "rateLimited" });
    expect(Number(held.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(held.retryAfter)).toBeLessThanOrEqual(5);
    // Another account from the same address is not affected.
    const other = await instructorAccount();
    expect((await attempt(c, { email: other, password: "correct horse" })).error).toBeNull();
    // Once the wait is over the right password works again, and clears the count.
    await new Promise((r) => setTimeout(r, Number(held.retryAfter) * 1000 + 300));
    expect((await attempt(c, { email, password: "correct horse" })).error).toBeNull();
    expect((await attempt(c, { email, password: "wrong again" })).error).toBe("badCredentials");
  }, 40_000);

  it("backs off: the wait doubles with each further failure", async () => {
    const email = await instructorAccount();
    for (let i = 0; i < 5; i++) await attempt(client(), { email, password: "nope" });
    const first = Number((await attempt(client(), { email, password: "nope" })).retryAfter);
    await new Promise((r) => setTimeout(r, first * 1000 + 300));
    expect((await attempt(client(), { email, password: "nope" })).error).toBe("badCredentials"); // 6th failure
    const second = Number((await attempt(client(), { email, password: "nope" })).retryAfter);
    expect(second).toBeGreaterThan(first);
  }, 40_000);

  it("one address that fails 30 times (any accounts) is held back; other addresses are not", async () => {
    const ip = address();
    for (let i = 0; i < 30; i++) {
      expect((await attempt(client(ip), { email: `nobody-${i}-${seq}@example.com`, password: "guess" })).error).toBe("badCredentials");
    }
    const held = await attempt(client(ip), { email: `nobody-x-${seq}@example.com`, password: "guess" });
    expect(held).toMatchObject({ status: 429, error: "rateLimited" });
    expect(Number(held.retryAfter)).toBeGreaterThan(60);
    expect((await attempt(client(), { email: "nobody@example.com", password: "guess" })).error).toBe("badCredentials");
  }, 60_000);
});

describe("joining", () => {
  const classCode = async () => (await made.world.teacherWithClass("Joins")).cls;

  // Guessing codes (100 unknown codes from one address, then that address waits, valid codes too):
  // server/join/join-route.test.ts, on POST /api/join, the only way to join.

  it("valid joins from one address (a whole school behind one NAT) are not limited", async () => {
    const { joinCode } = await classCode();
    const ip = address();
    const results: (string | null)[] = [];
    for (let batch = 0; batch < 15; batch++) {
      results.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => client(ip).join(joinCode, `student ${batch}-${i}`)))));
    }
    expect(results.filter((r) => r === null)).toHaveLength(150);
  }, 60_000);
});

describe("socket events", () => {
  it("a user flooding class:watch or controls gets rateLimited with retryAfter; others are unaffected", async () => {
    const { c: t } = await made.world.instructor();
    const s = await made.world.open(t);
    const acks = await Promise.all(Array.from({ length: 25 }, () => s.emitWithAck("class:watch", { classId: "nope" })));
    expect(acks.filter((a) => !a.ok && a.error === "forbidden")).toHaveLength(10);
    const limited = acks.filter((a) => !a.ok && a.error === "rateLimited") as { retryAfter?: number }[];
    expect(limited).toHaveLength(15);
    for (const l of limited) expect(l.retryAfter).toBeGreaterThanOrEqual(1);
    // The same user's second socket shares the allowance (limits are per user, not per socket).
    const s2 = await made.world.open(t);
    expect(await s2.emitWithAck("class:watch", { classId: "nope" })).toMatchObject({ ok: false, error: "rateLimited" });
    const controls = await Promise.all(Array.from({ length: 40 }, () => s.emitWithAck("control:pause", { sessionId: "nope", paused: true })));
    expect(controls.filter((a) => !a.ok && a.error === "rateLimited").length).toBe(10);
    // Another instructor is not slowed down.
    const { c: u } = await made.world.instructor("Other");
    const s3 = await made.world.open(u);
    expect(await s3.emitWithAck("class:watch", { classId: "nope" })).toEqual({ ok: false, error: "forbidden" });
  });

  it("submissions: 10 new ones per 10 s per student; a resend of one already sent is free", async () => {
    const { sessionId, teacher, byType, enter } = await made.world.liveClass("Flood");
    const xorId = byType("XOR");
    const { socket: s } = await enter("Flooder");
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: xorId })).toEqual({ ok: true });
    const payload = { lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "notSeparable" };
    const acks = [];
    for (let i = 0; i < 12; i++) acks.push(await s.emitWithAck("session:submit", { sessionId, exerciseId: xorId, clientId: `flood-${seq}-${i}`, payload }));
    expect(acks.slice(0, 9).every((x) => x.ok)).toBe(true); // session:enter took one point of its own rule, not this one
    expect(acks.filter((x) => !x.ok && x.error === "rateLimited").length).toBeGreaterThanOrEqual(2);
    // A resend of the first (a retry after a lost ack) still gets its stored result.
    const again = await s.emitWithAck("session:submit", { sessionId, exerciseId: xorId, clientId: `flood-${seq}-0`, payload });
    expect(again).toEqual(acks[0]);
  });
});
