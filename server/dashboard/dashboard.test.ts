// Integration: dashboards, exports, homework and co-instructors on the real server — who may see
// what (students, other instructors, co-instructors), the server's scores in the grid and the CSVs,
// and homework graded on the server and marked late. On PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { Client } from "../testing/http-client";
import type { TestSocket } from "../testing/sockets";
import { backends, startWorld } from "../testing/world";
import { train } from "@/lib/nn/perceptron";
import { expectedAnswer } from "@/lib/grading/questions";
import { ACTIVATION_CHOICES } from "@/lib/lessons/exercises";

let seq = 0;
const clientId = () => `dash-${Date.now()}-${++seq}`;
const gateRun = (seed: number) => {
  const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed };
  const { final } = train(cfg);
  return { ...cfg, w: final.w, b: final.b };
};
const xorRun = (explanation: string, seed = 2) => {
  const cfg = { lr: 0.1, epochs: 50, seed };
  return { ...cfg, bestAccuracy: train({ gate: "XOR", ...cfg }).bestAccuracy, explanation };
};
const rightActivations = expectedAnswer("saturatesBothSides", [...ACTIVATION_CHOICES]);

interface GridJson { rows: { nickname: string; total: number; solved: number; attempts: number; cells: { exerciseId: string; best: number; attempts: number; correct: boolean; late: boolean; seconds: number }[] }[]; columns: { id: string; type: string }[]; matched: number }

describe.each(backends())("dashboards, exports, homework and co-instructors on %s", (_name, backend) => {
  const made = startWorld({ backend });
  const open = (c: Client) => made.world.open(c);
  const instructor = (name: string) => made.world.instructor(name);
  const student = (code: string, nickname: string) => made.world.student(code, nickname);

  let owner: Client, other: Client, co: Client, coEmail: string;
  let cls: { id: string; joinCode: string };
  let sky: { c: Client; id: string }, ben: { c: Client; id: string };
  let lesson: { id: string; exercises: { id: string; type: string }[] };
  const ex = (type: string) => lesson.exercises.find((e) => e.type === type)!.id;

  beforeAll(async () => {
    owner = (await instructor("Owner")).c;
    other = (await instructor("Other")).c;
    ({ c: co, email: coEmail } = await instructor("Co"));
    cls = await made.world.cls(owner, "신경망 기초 101");
    sky = await student(cls.joinCode, "하늘");
    ben = await student(cls.joinCode, "Ben");
    ({ lesson } = await made.world.lesson(owner));

    // A live session: 하늘 solves all three exercises, Ben none (a tampered run, a wrong explanation, a wrong selection).
    const sessionId = await made.world.startSession(owner, cls.id, lesson.id);
    const teacher = await open(owner);
    expect(await teacher.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    const [s1, s2] = [await open(sky.c), await open(ben.c)];
    for (const s of [s1, s2]) expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    const submit = (s: TestSocket, type: string, payload: unknown) => s.emitWithAck("session:submit", { sessionId, exerciseId: ex(type), clientId: clientId(), payload });
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: ex("GATE") });
    expect(await submit(s1, "GATE", { ...gateRun(3), score: 999 })).toMatchObject({ ok: true, result: { score: 10 } });
    const run = gateRun(4);
    expect(await submit(s2, "GATE", { ...run, w: [run.w[0] + 1, run.w[1]] })).toMatchObject({ ok: true, result: { score: 0 } });
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: ex("XOR") });
    expect(await submit(s1, "XOR", xorRun("notSeparable"))).toMatchObject({ ok: true, result: { correct: true } });
    expect(await submit(s2, "XOR", xorRun("lrTooSmall"))).toMatchObject({ ok: true, result: { correct: false } });
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: ex("ACTIVATION") });
    expect(await submit(s1, "ACTIVATION", { question: "saturatesBothSides", selected: rightActivations })).toMatchObject({ ok: true, result: { correct: true } });
    expect(await submit(s2, "ACTIVATION", { question: "saturatesBothSides", selected: ["relu"] })).toMatchObject({ ok: true, result: { correct: false } });
    expect(await teacher.emitWithAck("control:end", { sessionId })).toEqual({ ok: true });
  }, 180_000);

  it("aggregates the server's scores per student and exercise, sorted and filtered", async () => {
    const grid = (await owner.json<GridJson>(`/api/classes/${cls.id}/dashboard?sort=total&dir=desc`)).body;
    expect(grid.columns.map((c) => c.type)).toEqual(["ACTIVATION", "GATE", "XOR"]);
    expect(grid.rows.map((r) => [r.nickname, r.total, r.solved, r.attempts])).toEqual([["하늘", 30, 3, 3], ["Ben", 0, 0, 3]]);
    expect(grid.rows[0].cells.every((c) => c.correct && !c.late && c.seconds >= 0)).toBe(true);
    const notSolved = (await owner.json<GridJson>(`/api/classes/${cls.id}/dashboard?ex=${ex("GATE")}&status=attempted`)).body;
    expect(notSolved.rows.map((r) => r.nickname)).toEqual(["Ben"]);
    const search = (await owner.json<GridJson>(`/api/classes/${cls.id}/dashboard?q=${encodeURIComponent("하")}`)).body;
    expect(search.rows.map((r) => r.nickname)).toEqual(["하늘"]);
    const page = await owner.fetch(`/classes/${cls.id}/dashboard`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("하늘");
    expect(html).toContain("Learning rate too small"); // the most chosen wrong XOR explanation
  });

  it("keeps students out of the dashboard, another student's page and the exports", async () => {
    for (const path of [`/classes/${cls.id}/dashboard`, `/classes/${cls.id}/students/${ben.id}`, `/classes/${cls.id}/history`, `/classes/${cls.id}/settings`]) {
      const res = await sky.c.fetch(path);
      expect(res.status, path).toBe(307);
      expect(res.headers.get("location"), path).toMatch(/\/denied$/);
    }
    expect((await sky.c.fetch("/denied").then((r) => r.text()))).toContain("You do not have access to this.");
    for (const path of ["gradebook", "submissions"]) {
      expect(await sky.c.json(`/api/classes/${cls.id}/export/${path}`)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    }
    expect((await sky.c.json(`/api/classes/${cls.id}/dashboard`)).status).toBe(403);
    // Their own page shows their own work only.
    const mine = await sky.c.fetch("/student/progress");
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain("Correct");
    expect(html).not.toContain("Ben");
    expect((await made.world.client().fetch(`/api/classes/${cls.id}/export/gradebook`)).status).toBe(401);
  });

  it("keeps an instructor out of a class that is not theirs", async () => {
    expect((await other.fetch(`/classes/${cls.id}`)).status).toBe(404);
    const dash = await other.fetch(`/classes/${cls.id}/dashboard`);
    expect([dash.status, dash.headers.get("location")]).toEqual([307, "/denied"]);
    expect((await other.json(`/api/classes/${cls.id}/export/gradebook`)).status).toBe(403);
    expect((await other.json(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id })).status).toBe(403);
    expect((await other.json<{ classes: { id: string }[] }>("/api/classes")).body.classes.map((c) => c.id)).not.toContain(cls.id);
    expect((await other.json(`/api/classes/${cls.id}`, undefined, "DELETE")).status).toBe(403);
    expect((await other.json(`/api/classes/${cls.id}/instructors`, { email: "x@example.com" })).status).toBe(403);
  });

  it("lets a co-instructor see the dashboard and run a session, but not delete the class", async () => {
    expect(await owner.json(`/api/classes/${cls.id}/instructors`, { email: "nobody@example.com" })).toMatchObject({ status: 404, body: { error: { code: "instructorUnknown" } } });
    expect((await owner.json(`/api/classes/${cls.id}/instructors`, { email: coEmail.toUpperCase() })).status).toBe(201);
    expect(await owner.json(`/api/classes/${cls.id}/instructors`, { email: coEmail })).toMatchObject({ status: 409, body: { error: { code: "alreadyInstructor" } } });
    expect((await co.json<{ classes: { id: string }[] }>("/api/classes")).body.classes.map((c) => c.id)).toContain(cls.id);
    expect((await co.fetch("/classes").then((r) => r.text()))).toContain("신경망 기초 101");
    expect((await co.fetch(`/classes/${cls.id}`)).status).toBe(200);
    expect((await co.fetch(`/classes/${cls.id}/dashboard`)).status).toBe(200);
    expect((await co.fetch(`/classes/${cls.id}/students/${sky.id}`)).status).toBe(200);
    expect((await co.fetch(`/api/classes/${cls.id}/export/gradebook`)).status).toBe(200);
    const started = await co.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id });
    expect(started.status).toBe(201);
    const board = await open(co);
    expect(await board.emitWithAck("board:watch", { sessionId: started.body.id })).toMatchObject({ ok: true });
    expect(await board.emitWithAck("control:push", { sessionId: started.body.id, exerciseId: ex("GATE") })).toEqual({ ok: true });
    expect(await board.emitWithAck("control:end", { sessionId: started.body.id })).toEqual({ ok: true });
    expect(await co.json(`/api/classes/${cls.id}`, undefined, "DELETE")).toMatchObject({ status: 403, body: { error: { code: "ownerOnly" } } });
    expect((await co.fetch(`/classes/${cls.id}/settings`).then((r) => r.text()))).toContain("Only the owner");
  });

  it("exports the gradebook and the raw submissions as UTF-8 CSV with a BOM, named after the class and day", async () => {
    const res = await owner.fetch(`/api/classes/${cls.id}/export/gradebook`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="___-__-101_gradebook_${day}.csv"; filename*=UTF-8''${encodeURIComponent(`신경망-기초-101_gradebook_${day}.csv`)}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes.slice(3))) as string[][];
    expect(rows[0].slice(0, 2)).toEqual(["nickname", "joined"]);
    expect(rows[0].slice(2, 5).map((h) => h.split(" ").slice(-2, -1)[0])).toEqual(["ACTIVATION", "GATE", "XOR"]);
    expect(rows[0].slice(-4)).toEqual(["total", "max", "solved", "late"]);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byName["하늘"].slice(2)).toEqual(["10", "10", "10", "30", "30", "3", "0"]);
    expect(byName.Ben.slice(2)).toEqual(["0", "0", "0", "0", "30", "0", "0"]);

    const raw = await owner.fetch(`/api/classes/${cls.id}/export/submissions`);
    const rawBytes = new Uint8Array(await raw.arrayBuffer());
    expect([...rawBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // (fetch's text() would drop it)
    const subs = parse(new TextDecoder().decode(rawBytes.slice(3)), { columns: true }) as Record<string, string>[];
    expect(subs).toHaveLength(6);
    expect(subs.filter((s) => s.nickname === "하늘").map((s) => s.score)).toEqual(["10", "10", "10"]);
    expect(subs.every((s) => s.mode === "live" && !s.payload.includes("999"))).toBe(true);
  });

  it("grades homework on the server, never trusts a score, and marks late work", async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(await owner.json(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: "tomorrow" })).toMatchObject({ status: 400, body: { error: { code: "dueDateInvalid" } } });
    expect((await sky.c.json(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: future })).status).toBe(403);
    const onTime = (await owner.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: future })).body.id;
    const overdue = (await co.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: past })).body.id;

    expect((await sky.c.fetch(`/homework/${onTime}`)).status).toBe(200);
    expect((await sky.c.json(`/api/homework/${onTime}/start`, { exerciseId: ex("GATE") })).status).toBe(200);
    const hw = (id: string, who: Client, payload: unknown, id2 = clientId()) => who.json<{ result?: { score: number; correct: boolean; late: boolean }; error?: { code: string } }>(`/api/homework/${id}/submissions`, { exerciseId: ex("GATE"), clientId: id2, payload });
    const forged = await hw(onTime, ben.c, { ...gateRun(5), w: [9, 9], score: 10, correct: true });
    expect(forged).toMatchObject({ status: 201, body: { result: { score: 0, correct: false, late: false } } });
    expect(await hw(onTime, sky.c, gateRun(5))).toMatchObject({ status: 201, body: { result: { score: 10, correct: true, late: false } } });
    expect(await hw(overdue, ben.c, gateRun(6))).toMatchObject({ status: 201, body: { result: { score: 10, correct: true, late: true } } });
    expect(await hw(onTime, sky.c, "hello")).toMatchObject({ status: 400, body: { error: { code: "invalidSubmission" } } });
    const retry = clientId();
    expect((await hw(onTime, ben.c, gateRun(7), retry)).body).toEqual((await hw(onTime, ben.c, gateRun(7), retry)).body);

    // Another class's student may neither open nor hand in this homework; an instructor may not hand in.
    const outsiderClass = (await other.json<{ joinCode: string }>("/api/classes", { name: "Elsewhere" })).body;
    const outsider = await student(outsiderClass.joinCode, "Cy");
    expect((await outsider.c.fetch(`/homework/${onTime}`)).headers.get("location")).toBe("/denied");
    expect((await hw(onTime, outsider.c, gateRun(5))).status).toBe(403);
    expect((await hw(onTime, owner, gateRun(5))).status).toBe(403);

    const grid = (await owner.json<GridJson>(`/api/classes/${cls.id}/dashboard`)).body;
    const benGate = grid.rows.find((r) => r.nickname === "Ben")!.cells.find((c) => c.exerciseId === ex("GATE"))!;
    // Ben's gate: solved, on time (the on-time homework run with seed 7 counts before the late one).
    expect(benGate).toMatchObject({ best: 10, correct: true, late: false });
    const skyGate = grid.rows.find((r) => r.nickname === "하늘")!.cells.find((c) => c.exerciseId === ex("GATE"))!;
    expect(skyGate.attempts).toBe(2);
    expect((await sky.c.fetch(`/homework/${onTime}`).then((r) => r.text()))).toContain("best 10 / 10");
  });

  it("lists past sessions with participation and shows the final board", async () => {
    const html = await owner.fetch(`/classes/${cls.id}/history`).then((r) => r.text());
    expect(html).toContain("2 of 2 joined, 2 submitted (6 submissions)");
    const sessions = [...new Set([...html.matchAll(/\/history\/([a-z0-9]+)"/g)].map((m) => m[1]))];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const board = await owner.fetch(`/classes/${cls.id}/history/${sessions[sessions.length - 1]}`).then((r) => r.text());
    expect(board).toContain("하늘");
    expect(board).toContain("1 correct, 1 submitted but not correct, 0 did not submit");
  });

  it("lets only the owner delete the class, with its students", async () => {
    const doomed = (await owner.json<{ id: string; joinCode: string }>("/api/classes", { name: "Doomed" })).body;
    await owner.json(`/api/classes/${doomed.id}/instructors`, { email: coEmail });
    const s = await student(doomed.joinCode, "Dee");
    expect((await co.json(`/api/classes/${doomed.id}`, undefined, "DELETE")).status).toBe(403);
    expect((await owner.json(`/api/classes/${doomed.id}`, undefined, "DELETE")).status).toBe(200);
    expect((await owner.json<{ classes: { id: string }[] }>("/api/classes")).body.classes.map((c) => c.id)).not.toContain(doomed.id);
    // The student's account went with the class: signed out at once (docs/security.md, revocation).
    expect((await s.c.json("/api/auth/session")).body).toEqual({});
    expect((await s.c.fetch("/student/progress")).status).toBe(307);
    expect((await owner.json(`/api/classes/${doomed.id}`, undefined, "DELETE")).status).toBe(404);
  });
});
