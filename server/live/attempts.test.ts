// Integration: attempt policies and locked presets on the real server — 14 quick attempts at an
// exercise allowing 3 store 3; a run with learning rate 10 against a locked 0.1 is refused; the
// score stays hidden from the student until the reveal (the instructor sees it at once); homework too.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { nextEvent } from "../testing/sockets";
import { parse } from "csv-parse/sync";
import { train } from "@/lib/nn/perceptron";
import { expectedAnswer } from "@/lib/grading/questions";
import type { StudentSessionState, SubmissionResult } from "@/lib/live/session-protocol";

// The attempt policy is what is tested here; the per-socket rate limit (server/abuse.test.ts) is lifted.
const made = startWorld({ env: { RATE_LIMIT_FACTOR: "100" } });
let seq = 0;
const clientId = () => `attempt-${Date.now()}-${++seq}`;

type Lesson = { id: string; slug: string | null; exercises: { id: string; type: string; position: number; config: Record<string, unknown> }[] };

async function setup() {
  const { t, cls } = await made.world.teacherWithClass("Policies");
  const builtin = (await t.json<{ lessons: Lesson[] }>("/api/lessons")).body.lessons.find((l) => l.slug === "activation-basics")!;
  const copy = await t.json<{ id: string }>(`/api/lessons/${builtin.id}/duplicate`, {});
  expect(copy.status).toBe(201);
  const lesson = (await t.json<{ lessons: Lesson[] }>("/api/lessons")).body.lessons.find((l) => l.id === copy.body.id)!;
  const ex = (type: string) => lesson.exercises.find((e) => e.type === type)!;
  const preset = (type: string, extra: Record<string, unknown>) =>
    t.json(`/api/lessons/${lesson.id}/exercises/${ex(type).position}`, { config: { ...ex(type).config, ...extra } }, "PUT");
  const { c: student } = await made.world.student(cls.joinCode, "Ana");
  return { t, lesson, ex, preset, cls, student };
}

describe("attempt policies and locked presets", () => {
  it("stores 3 of 14 quick attempts, hides the score until the reveal, and refuses a run outside the lock", async () => {
    const { t, ex, preset, cls, student, lesson } = await setup();
    const limited = await preset("ACTIVATION", { attempts: { maxAttempts: 3, feedback: "afterReveal", counts: "last" } });
    expect(limited.status).toBe(200);
    expect((await preset("ACTIVATION", { attempts: { maxAttempts: 0, feedback: "now", counts: "best" } })).status).toBe(400);
    expect((await preset("GATE", { lr: 0.1, epochs: 100, locked: true })).status).toBe(200);

    const sessionId = await made.world.startSession(t, cls.id, lesson.id);
    const teacher = await made.world.open(t);
    expect(await teacher.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    const s = await made.world.open(student);
    expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    const explorer = ex("ACTIVATION").id;
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: explorer });

    // Trying combinations: 14 answers sent at once, the right one among them.
    const boardResults: SubmissionResult[] = [];
    teacher.on("board:result", (r) => boardResults.push(r.result));
    const right = ["step", "sigmoid", "tanh"];
    const guesses = Array.from({ length: 14 }, (_, i) => (i === 13 ? right : [["step"], ["relu"], ["tanh", "elu"]][i % 3]));
    const acks = await Promise.all(
      guesses.map((selected) => s.emitWithAck("session:submit", { sessionId, exerciseId: explorer, clientId: clientId(), payload: { question: "saturatesBothSides", selected } })),
    );
    const stored = acks.filter((a) => a.ok);
    expect(stored).toHaveLength(3);
    expect(acks.filter((a) => !a.ok).map((a) => (a as { error: string }).error)).toEqual(Array(11).fill("noAttemptsLeft"));
    // The student learns nothing about the score before the reveal; the count goes down.
    for (const a of stored) expect((a as { result: SubmissionResult }).result).toMatchObject({ hidden: true, score: 0, correct: false });
    expect(stored.map((a) => (a as { result: SubmissionResult }).result.attemptsLeft).sort()).toEqual([0, 1, 2]);
    // The instructor sees the real scores of exactly those three.
    await expect.poll(() => boardResults.length).toBe(3);
    expect(boardResults.every((r) => r.hidden === undefined && r.maxScore === 10)).toBe(true);
    // A fifteenth, later: still refused; a retry of a stored one (same client id) is not a new attempt.
    expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: explorer, clientId: clientId(), payload: { question: "saturatesBothSides", selected: right } })).toEqual({ ok: false, error: "noAttemptsLeft" });

    const csv = await (await t.fetch(`/api/classes/${cls.id}/export/submissions`)).text();
    expect(csv.trim().split(/\r\n/).length - 1).toBe(3);

    // Entering again before the reveal: still hidden, no attempts left.
    const before = (await s.emitWithAck("session:enter", { sessionId })) as { ok: true; state: StudentSessionState };
    expect(before.state.result).toMatchObject({ hidden: true, attemptsLeft: 0 });
    // After the reveal the counted attempt (the last one stored) shows its real score.
    await teacher.emitWithAck("control:reveal", { sessionId });
    const after = (await s.emitWithAck("session:enter", { sessionId })) as { ok: true; state: StudentSessionState };
    expect(after.state.result?.hidden).toBeUndefined();
    expect(after.state.result?.maxScore).toBe(10);

    // The locked gate: learning rate 10 is refused with the reason, the preset's 0.1 scores.
    const gate = ex("GATE").id;
    const pushed = nextEvent(s, "session:update", (st) => st.exercise?.type === "GATE");
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: gate });
    expect((await pushed).exercise?.config).toMatchObject({ locked: true, lr: 0.1 });
    const run = (lr: number, epochs = 100) => {
      const { final } = train({ gate: "AND", lr, epochs, seed: 3 });
      return { gate: "AND", lr, epochs, seed: 3, w: final.w, b: final.b };
    };
    expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: run(10) })).toEqual({ ok: false, error: "settingsLocked" });
    expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: run(0.1, 5000) })).toEqual({ ok: false, error: "settingsLocked" });
    expect(await s.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: run(0.1) })).toMatchObject({ ok: true, result: { score: 10, correct: true, attemptsLeft: null } });
  });

  it("the dashboard and the gradebook show the attempt that counts: the last one, the first one, the best one", async () => {
    const { t, ex, preset, cls, student, lesson } = await setup();
    expect((await preset("ACTIVATION", { attempts: { maxAttempts: null, feedback: "now", counts: "last" } })).status).toBe(200);
    expect((await preset("GATE", { attempts: { maxAttempts: null, feedback: "now", counts: "first" } })).status).toBe(200);
    expect((await preset("XOR", { attempts: { maxAttempts: null, feedback: "now", counts: "best" } })).status).toBe(200);
    const sessionId = await made.world.startSession(t, cls.id, lesson.id);
    const teacher = await made.world.open(t);
    const s = await made.world.open(student);
    expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    const submit = async (type: string, payloads: unknown[]) => {
      const exerciseId = ex(type).id;
      const pushed = nextEvent(s, "session:update", (u) => u.exercise?.id === exerciseId);
      await teacher.emitWithAck("control:push", { sessionId, exerciseId });
      await pushed;
      const scores: number[] = [];
      for (const payload of payloads) {
        const a = (await s.emitWithAck("session:submit", { sessionId, exerciseId, clientId: clientId(), payload })) as { ok: boolean; result: SubmissionResult };
        expect(a.ok).toBe(true);
        scores.push(a.result.score);
      }
      return scores;
    };
    const question = ex("ACTIVATION").config.question as string;
    const right = expectedAnswer(question as Parameters<typeof expectedAnswer>[0], ex("ACTIVATION").config.activations as Parameters<typeof expectedAnswer>[1]);
    const explorer = await submit("ACTIVATION", [{ question, selected: right }, { question, selected: ["relu"] }]);
    const gateRun = (epochs: number) => {
      const { final } = train({ gate: "AND", lr: 0.1, epochs, seed: 3 });
      return { gate: "AND", lr: 0.1, epochs, seed: 3, w: final.w, b: final.b };
    };
    const gate = await submit("GATE", [gateRun(1), gateRun(100)]);
    const xor = (explanation: string) => ({ lr: 0.1, epochs: 10, seed: 1, bestAccuracy: train({ gate: "XOR", lr: 0.1, epochs: 10, seed: 1 }).bestAccuracy, explanation });
    const xorScores = await submit("XOR", [xor("notSeparable"), xor("tooFewEpochs")]);
    // The runs really differ, so the rule decides what is shown.
    expect(explorer[0]).toBeGreaterThan(explorer[1]);
    expect(gate[1]).toBeGreaterThan(gate[0]);
    expect(xorScores[0]).toBeGreaterThan(xorScores[1]);
    const expected = { ACTIVATION: explorer[1], GATE: gate[0], XOR: xorScores[0] };

    type Grid = { rows: { nickname: string; total: number; cells: { exerciseId: string; best: number; attempts: number }[] }[] };
    const grid = (await t.json<Grid>(`/api/classes/${cls.id}/dashboard`)).body;
    const ana = grid.rows.find((r) => r.nickname === "Ana")!;
    for (const [type, score] of Object.entries(expected)) {
      expect(ana.cells.find((c) => c.exerciseId === ex(type).id)).toMatchObject({ best: score, attempts: 2 });
    }
    expect(ana.total).toBeCloseTo(expected.ACTIVATION + expected.GATE + expected.XOR);
    // The gradebook: one row for Ana, her counted scores in the exercises' columns.
    const rows = parse(await (await t.fetch(`/api/classes/${cls.id}/export/gradebook`)).text(), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.nickname === "Ana")!;
    const sum = expected.ACTIVATION + expected.GATE + expected.XOR;
    expect(Number(row.total)).toBeCloseTo(sum);
    const cells = Object.entries(row).filter(([k]) => !["nickname", "joined", "total", "max", "solved", "late"].includes(k)).map(([, v]) => v).filter((v) => v !== "");
    expect(cells.map(Number).sort()).toEqual(Object.values(expected).sort());
  });

  it("applies the same policy to homework: 2 attempts, the score after the due date", async () => {
    const { t, ex, preset, cls, student, lesson } = await setup();
    expect((await preset("XOR", { attempts: { maxAttempts: 2, feedback: "afterReveal", counts: "best" } })).status).toBe(200);
    const dueAt = new Date(Date.now() + 3600_000).toISOString();
    const hw = await t.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt });
    expect(hw.status).toBe(201);
    const answer = { lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "notSeparable" };
    const send = () => student.json<{ result?: SubmissionResult; error?: { code: string } }>(`/api/homework/${hw.body.id}/submissions`, { exerciseId: ex("XOR").id, clientId: clientId(), payload: answer });
    const all = await Promise.all([send(), send(), send(), send(), send()]);
    expect(all.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409].sort());
    expect(all.filter((r) => r.status === 409).every((r) => r.body.error?.code === "noAttemptsLeft")).toBe(true);
    expect(all.filter((r) => r.status !== 409).every((r) => r.body.result?.hidden === true)).toBe(true);
  });
});
