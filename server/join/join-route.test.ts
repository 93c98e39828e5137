// Integration: joining through POST /api/join, the join form's one request (server/join/join-route.ts),
// on the real server with real sockets. The cookie it sets is a next-auth session like any other
// (session read, socket handshake, sign-out revocation); every refusal has its code and status;
// next-auth has no student provider to join through instead; the edge's rules and the guessing
// limit hold on it too. The script-free join page's plain form post is answered with redirects.
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../testing/http-client";
import { connect, nextEvent, type TestSocket } from "../testing/sockets";
import { signOut, startWorld } from "../testing/world";
import { train } from "@/lib/nn/perceptron";

const made = startWorld({ env: { TRUST_PROXY: "1" } });
const sockets: TestSocket[] = [];
let seq = 0;

afterAll(async () => {
  for (const s of sockets) s.close();
});

/** Each client speaks from its own address (TRUST_PROXY=1), so the guessing limit is per test. */
function client(ip = `203.0.113.${++seq}`) {
  const c = new Client(made.server.url);
  c.headers["x-forwarded-for"] = ip;
  return c;
}
async function open(c: Client) {
  const s = await connect(made.server.url, c);
  sockets.push(s);
  return s;
}

async function teacherWithClass() {
  const { c: t } = await made.world.instructor();
  return { t, cls: await made.world.cls(t, "Joins") };
}

describe("POST /api/join", () => {
  it("signs the student in with one request: session, socket, live session, a submission on the board", async () => {
    const { t, cls } = await teacherWithClass();
    const lessons = (await t.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons;
    const lesson = lessons.find((l) => l.slug === "activation-basics")!;
    const gate = lesson.exercises.find((e) => e.type === "GATE")!.id;
    const sessionId = (await t.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id })).body.id;
    const teacher = await open(t);
    expect(await teacher.emitWithAck("class:watch", { classId: cls.id })).toMatchObject({ ok: true });
    expect(await teacher.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });

    const joined = nextEvent(teacher, "class:joined", (m) => m.entry.nickname === "Ana");
    const c = client();
    const res = await c.joinRaw({ code: ` ${cls.joinCode.toLowerCase()} `, nickname: "  Ana " });
    expect(res).toMatchObject({ status: 200, error: null, user: { name: "Ana", classId: cls.id } });
    expect(res.setCookie.join("\n")).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect((await joined).entry.userId).toBe(res.user!.id); // the staff got a roster delta
    const session = await c.json<{ user: { id: string; role: string; name: string; classId: string } }>("/api/auth/session");
    expect(session.body.user).toEqual({ id: res.user!.id, role: "STUDENT", name: "Ana", classId: cls.id });
    expect((await c.fetch("/student")).status).toBe(200); // the page the form opens next

    const s = await open(c);
    expect(await s.emitWithAck("class:watch", { classId: cls.id })).toEqual({ ok: true, liveSessionId: sessionId });
    expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true, userId: res.user!.id });
    const pushed = nextEvent(s, "session:update", (u) => u.exercise?.id === gate);
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: gate })).toEqual({ ok: true });
    await pushed;
    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 3 };
    const { final } = train(cfg);
    // Progress streamed, saved (every 2 s), then read back by a second tab entering.
    s.emit("session:progress", { type: "GATE", sessionId, exerciseId: gate, ...cfg, w: final.w, b: final.b, epoch: 99, accuracy: 1 });
    await new Promise((r) => setTimeout(r, 2600));
    const tab = await open(c);
    expect(await tab.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true, state: { exercise: { id: gate }, progress: { type: "GATE", epoch: 99, accuracy: 1 } } });
    const onBoard = nextEvent(teacher, "board:result", (r) => r.userId === res.user!.id);
    const ack = await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: "join-route-0001", payload: { ...cfg, w: final.w, b: final.b } });
    expect(ack).toMatchObject({ ok: true, result: { correct: true } });
    await onBoard;
  }, 60_000);

  it("refuses with its code and status, for every kind of refusal", async () => {
    const { t, cls } = await teacherWithClass();
    expect(await client().join(cls.joinCode, "Sam")).toBeNull();
    const refusal = async (fields: { code: string; nickname: string }) => {
      const res = await client().joinRaw(fields);
      return { code: res.error, status: res.status, cookies: res.setCookie.length };
    };
    const cases: [string, { code: string; nickname: string }, string, number][] = [
      ["an unknown code", { code: "ZZZZZZ", nickname: "Ada" }, "codeUnknown", 404],
      ["a malformed code", { code: "AB", nickname: "Ada" }, "codeInvalid", 400],
      ["an empty nickname", { code: cls.joinCode, nickname: " \u200b " }, "nicknameEmpty", 400],
      ["a too long nickname", { code: cls.joinCode, nickname: "x".repeat(41) }, "nicknameTooLong", 400],
      ["a NUL byte", { code: cls.joinCode, nickname: "Sam\u0000" }, "invalidInput", 400],
      ["the same nickname", { code: cls.joinCode, nickname: "sam" }, "nicknameTaken", 409],
      ["a look-alike nickname", { code: cls.joinCode, nickname: "\u0405\u0430m" }, "nicknameTaken", 409],
    ];
    for (const [what, fields, code, status] of cases) expect(await refusal(fields), what).toEqual({ code, status, cookies: 0 });

    expect((await t.json(`/api/classes/${cls.id}/joining`, { joinLocked: true }, "PATCH")).status).toBe(200);
    expect(await refusal({ code: cls.joinCode, nickname: "Locked" })).toEqual({ code: "joiningLocked", status: 403, cookies: 0 });
    expect((await t.json(`/api/classes/${cls.id}/joining`, { joinLocked: false, maxStudents: 2 }, "PATCH")).status).toBe(200);
    expect(await client().join(cls.joinCode, "Second")).toBeNull(); // the capped path, under its cap
    expect(await refusal({ code: cls.joinCode, nickname: "Third" })).toEqual({ code: "classFull", status: 409, cookies: 0 });
    const roster = await t.json<{ students: number }>(`/api/classes/${cls.id}/joining`);
    expect(roster.body.students).toBe(2);
  }, 60_000);

  it("is the only way to join: next-auth has no student provider, its callback route makes no session", async () => {
    const { t, cls } = await teacherWithClass();
    const c = client();
    const { body } = await c.json<{ csrfToken: string }>("/api/auth/csrf");
    const res = await c.fetch("/api/auth/callback/student", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: cls.joinCode, nickname: "Side door", csrfToken: body.csrfToken, json: "true" }),
    });
    expect(res.status).not.toBe(200);
    expect((await c.json<{ user?: unknown }>("/api/auth/session")).body.user).toBeUndefined();
    expect(Object.keys((await c.json<Record<string, unknown>>("/api/auth/providers")).body)).toEqual(["instructor"]);
    expect((await t.json<{ students: number }>(`/api/classes/${cls.id}/joining`)).body.students).toBe(0);
  }, 60_000);

  it("keeps the edge's rules: origin, JSON only, body size, a sane payload", async () => {
    const { cls } = await teacherWithClass();
    const fields = { code: cls.joinCode, nickname: "Edge" };
    const foreign = client();
    foreign.headers.origin = "https://evil.example";
    expect(await foreign.joinRaw(fields)).toMatchObject({ status: 403, error: "originRejected" });
    // a plain form post (the script-free page's) must name its origin: browsers always do
    const form = await client().joinRaw(fields, { contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() });
    expect(form).toMatchObject({ status: 403, error: "originRejected", setCookie: [] });
    expect(await client().joinRaw(fields, { contentType: "text/plain", body: JSON.stringify(fields) })).toMatchObject({ status: 415, error: "unsupportedMediaType", setCookie: [] });
    expect(await client().joinRaw(fields, { body: JSON.stringify({ ...fields, pad: "x".repeat(5000) }) })).toMatchObject({ status: 413, error: "payloadTooLarge" });
    expect(await client().joinRaw(fields, { body: "{not json" })).toMatchObject({ status: 400, error: "invalidInput" });
    expect(await client().joinRaw(fields, { body: '{"code":"ABCDEF","nickname":"x","__proto__":{"admin":true}}' })).toMatchObject({ status: 400, error: "invalidInput" });
    const get = await client().fetch("/api/join");
    expect(get.status).toBe(405);
    expect(await client().join(fields.code, fields.nickname)).toBeNull(); // and the honest request still works
  }, 60_000);

  it("the script-free join page's form: a join lands on the student's page signed in, a refusal goes back to the form with its code", async () => {
    const { cls } = await teacherWithClass();
    const post = (c: Client, fields: Record<string, string>) => c.fetch("/api/join", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: made.server.url },
      body: new URLSearchParams(fields).toString(),
    });
    const ana = client();
    const ok = await post(ana, { code: cls.joinCode.toLowerCase(), nickname: "Form Ana", from: "join" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/student");
    expect((await ana.json<{ user?: { name: string; role: string } }>("/api/auth/session")).body.user).toMatchObject({ name: "Form Ana", role: "STUDENT" });
    // the page the refusal goes back to, with what was typed and the code the page shows
    const taken = await post(client(), { code: cls.joinCode, nickname: "form ana", from: "home" });
    expect(taken.status).toBe(303);
    expect(taken.headers.getSetCookie()).toEqual([]);
    const back = new URL(taken.headers.get("location")!, made.server.url);
    expect(back.pathname).toBe("/");
    expect(Object.fromEntries(back.searchParams)).toEqual({ code: cls.joinCode, nickname: "form ana", error: "nicknameTaken" });
    const empty = new URL((await post(client(), { code: cls.joinCode, nickname: " ", from: "join" })).headers.get("location")!, made.server.url);
    expect(empty.pathname).toBe("/join");
    expect(empty.searchParams.get("error")).toBe("nicknameEmpty");
    // another site's form is refused before anything happens
    const foreign = await client().fetch("/api/join", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }, body: new URLSearchParams({ code: cls.joinCode, nickname: "Evil" }).toString() });
    expect(foreign.status).toBe(403);
  }, 60_000);

  it("guessing codes: past 100 unknown codes an address waits, valid codes too", async () => {
    const { cls } = await teacherWithClass();
    const ip = "203.0.113.250";
    for (let i = 0; i < 100; i++) {
      const code = `ZZ${String(2222 + i).replace(/[01]/g, "Z")}`.slice(0, 6);
      expect((await client(ip).joinRaw({ code: code === cls.joinCode ? "ZZZZZY" : code, nickname: `g${i}` })).error).toBe("codeUnknown");
    }
    const held = await client(ip).joinRaw({ code: "ZZZZZZ", nickname: "g" });
    expect(held).toMatchObject({ status: 429, error: "rateLimited", setCookie: [] });
    expect(Number(held.retryAfter)).toBeGreaterThan(60);
    expect(await client(ip).joinRaw({ code: cls.joinCode, nickname: "honest" })).toMatchObject({ status: 429, error: "rateLimited", setCookie: [] });
    expect(await client().join(cls.joinCode, "elsewhere")).toBeNull();
  }, 60_000);

  it("its session is revoked by sign-out like any other: the cookie and the socket stop working", async () => {
    const { cls } = await teacherWithClass();
    const c = client();
    expect(await c.join(cls.joinCode, "Leaver")).toBeNull();
    const kept = new Client(made.server.url);
    kept.cookies = new Map(c.cookies);
    const s = await open(kept);
    expect(await s.emitWithAck("class:watch", { classId: cls.id })).toMatchObject({ ok: true });
    const gone = new Promise((r) => s.once("disconnect", r));
    await signOut(c);
    await gone;
    expect((await kept.json<{ user?: unknown }>("/api/auth/session")).body.user).toBeUndefined();
    await expect(connect(made.server.url, kept)).rejects.toThrow("unauthorized");
  }, 60_000);
});
