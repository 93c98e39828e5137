// Integration: class experiments on the real server with real sockets — groups assigned at the
// push (balanced, random, by choice, late arrivals), one broadcast carrying every group's settings,
// grading with the group's settings, and the result kept at the reveal.
import { describe, it, vi, expect } from "vitest";
import { startWorld } from "../testing/world";
import { nextEvent, type TestSocket } from "../testing/sockets";
import { port } from "../testing/throwaway";
import { train } from "@/lib/nn/perceptron";
import { accuracySteps, trainXorNet, type HiddenActivation } from "@/lib/xor/xor-net";
import { runDiag } from "@/lib/nn/mlp-diagnostics";
import { median } from "@/lib/xor/net-findings";
import { groupOf, groupSizes, type ExperimentInfo, type GroupSummary } from "@/lib/experiments/experiments";
import type { SessionUpdate, StudentSessionState } from "@/lib/live/session-protocol";

const made = startWorld({ env: async () => ({ NEURONLAB_COUNT_QUERIES: "1", PORT: String(await port(11)) }) });
let seq = 0;
const clientId = () => `exp-${Date.now()}-${++seq}`;
const queries = async (s: TestSocket) => (await (s as unknown as { emitWithAck(e: string): Promise<{ count: number }> }).emitWithAck("debug:queries")).count;

/** An instructor, a class of `n` students entered in a live session, the board watching. */
async function classOf(n: number) {
  const { t, cls, sessionId, byType, teacher: board, enter } = await made.world.liveClass("Experiments");
  const join = async (nickname: string) => {
    const s = await enter(nickname);
    const updates: SessionUpdate[] = [];
    s.socket.on("session:update", (u) => updates.push(u));
    return { c: s.c, socket: s.socket, userId: s.id, state: s.state, updates };
  };
  const students = await Promise.all(Array.from({ length: n }, (_, i) => join(`S${i}-${++seq}`)));
  return { t, cls, sessionId, gate: byType("GATE"), activation: byType("ACTIVATION"), xor: byType("XOR"), board, students, join };
}

/** A finished AND run with these settings (what GateTrainer submits). */
function andRun(lr: number, epochs = 200, seed = 5) {
  const { final } = train({ gate: "AND", lr, epochs, seed });
  return { gate: "AND" as const, lr, epochs, seed, w: final.w, b: final.b };
}

const experimentOf = (u: SessionUpdate | StudentSessionState): ExperimentInfo | undefined => u.exercise?.experiment;

describe("class experiments", () => {
  it("a balanced push: every student in one group, equal sizes, one broadcast with the group map", async () => {
    const { sessionId, gate, board, students } = await classOf(6);
    const pushed = nextEvent(students[0].socket, "session:update");
    const ack = await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "lr", values: [0.01, 0.1, 1], seed: 42 } });
    expect(ack).toEqual({ ok: true });
    const update = await pushed;
    // (Its queries: the next test shows they do not grow with the class.)

    const info = experimentOf(update)!;
    expect(info).toMatchObject({ mode: "BALANCED", variable: "lr", groups: [{ lr: 0.01 }, { lr: 0.1 }, { lr: 1 }], result: null });
    expect(Object.keys(info.members).sort()).toEqual(students.map((s) => s.userId).sort());
    expect(groupSizes(info.members, 3)).toEqual([2, 2, 2]);
    await new Promise((r) => setTimeout(r, 200));
    for (const s of students) expect(s.updates.length).toBe(1); // one message per student for the push

    // A student who reloads gets the same group back (it is stored, not recomputed).
    const again = await made.world.open(students[3].c);
    const re = await again.emitWithAck("session:enter", { sessionId });
    expect(re.ok && groupOf(experimentOf(re.state), students[3].userId)).toBe(info.members[students[3].userId]);
    // The board's snapshot knows every group too.
    const snap = await board.emitWithAck("board:watch", { sessionId });
    expect(snap.ok && snap.state.exercise?.experiment?.members).toEqual(info.members);
  });

  it("the push costs the same number of queries for 3 students as for 12", async () => {
    const count = async (n: number) => {
      const { sessionId, gate, board, students } = await classOf(n);
      const before = await queries(board);
      const pushed = nextEvent(students[0].socket, "session:update");
      await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "lr", values: [0.01, 0.1], seed: 1 } });
      await pushed;
      return (await queries(board)) - before;
    };
    const [small, large] = [await count(3), await count(12)];
    console.log(`[experiments] queries per experiment push: ${small} (3 students), ${large} (12 students)`);
    expect(large).toBe(small);
  });

  it("grades each run with its group's learning rate; a run claiming another group's rate is refused", async () => {
    const { sessionId, gate, board, students } = await classOf(4);
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "lr", values: [0.001, 0.1], seed: 7 } });
    await new Promise((r) => setTimeout(r, 200));
    const info = experimentOf(students[0].updates.at(-1)!)!;
    const fast = students.find((s) => info.members[s.userId] === 1)!;
    const slow = students.find((s) => info.members[s.userId] === 0)!;

    const boardSaw = nextEvent(board, "board:result", (r) => r.userId === fast.userId);
    const ok = await fast.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1) });
    expect(ok).toMatchObject({ ok: true, result: { correct: true, score: 10 } });
    expect((await boardSaw).result.correct).toBe(true);
    // The fast group's run, sent by a student of the slow group: refused, not stored.
    const wrong = await slow.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1) });
    expect(wrong).toEqual({ ok: false, error: "settingsLocked" });
    // Their own group's rate is graded by replay (lr 0.001 for 200 epochs from seed 5: whatever it really reaches).
    const own = andRun(0.001);
    const learned = train({ gate: "AND", lr: 0.001, epochs: 200, seed: 5 }).history.at(-1)!.accuracy === 1;
    const graded = await slow.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: own });
    expect(graded).toMatchObject({ ok: true, result: { correct: learned } });
    // Tampered weights with the right rate: replay says mismatch.
    const forged = await fast.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: { ...andRun(0.1), w: [9, 9] } });
    expect(forged).toMatchObject({ ok: true, result: { correct: false, reason: "mismatch" } });
  });

  it("by choice: a student must pick a group before a run counts, picks once, and the board hears of it", async () => {
    const { sessionId, gate, board, students } = await classOf(2);
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "CHOICE", variable: "lr", values: [0.01, 0.1] } });
    await new Promise((r) => setTimeout(r, 200));
    const [a, b] = students;
    expect(experimentOf(a.updates.at(-1)!)?.members).toEqual({});
    expect(await a.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1) })).toEqual({ ok: false, error: "experimentNoGroup" });

    const heard = nextEvent(board, "board:group", (m) => m.userId === a.userId);
    expect(await a.socket.emitWithAck("experiment:choose", { sessionId, group: 1 })).toEqual({ ok: true, group: 1 });
    expect(await heard).toMatchObject({ userId: a.userId, group: 1 });
    expect(await a.socket.emitWithAck("experiment:choose", { sessionId, group: 1 })).toEqual({ ok: true, group: 1 }); // the same again: fine
    expect(await a.socket.emitWithAck("experiment:choose", { sessionId, group: 0 })).toEqual({ ok: false, error: "experimentGroupChosen" });
    expect(await a.socket.emitWithAck("experiment:choose", { sessionId, group: 5 })).toEqual({ ok: false, error: "invalidInput" });
    expect(await a.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1) })).toMatchObject({ ok: true, result: { correct: true } });
    expect(await b.socket.emitWithAck("experiment:choose", { sessionId, group: 0 })).toEqual({ ok: true, group: 0 });
    expect(await b.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1) })).toEqual({ ok: false, error: "settingsLocked" });
    // An instructor is not a student; a push without an experiment is no place to choose.
    expect(await board.emitWithAck("experiment:choose", { sessionId, group: 0 })).toEqual({ ok: false, error: "forbidden" });
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate });
    expect(await a.socket.emitWithAck("experiment:choose", { sessionId, group: 0 })).toEqual({ ok: false, error: "notAnExperiment" });
  });

  it("a student arriving after a balanced push joins the smallest group; random groups follow the seed", async () => {
    const { sessionId, gate, board, students, join } = await classOf(3);
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "lr", values: [0.01, 0.1], seed: 3 } });
    await new Promise((r) => setTimeout(r, 200));
    const sizes = groupSizes(experimentOf(students[0].updates.at(-1)!)!.members, 2);
    const smallest = sizes[0] <= sizes[1] ? 0 : 1;
    const heard = nextEvent(board, "board:group");
    const late = await join("Late");
    expect(groupOf(experimentOf(late.state), late.userId)).toBe(smallest);
    expect(await heard).toMatchObject({ userId: late.userId, group: smallest });
    expect(await late.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun([0.01, 0.1][smallest], 1000) })).toMatchObject({ ok: true });

    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "RANDOM", variable: "lr", values: [0.01, 0.1, 1], seed: 11 } });
    await new Promise((r) => setTimeout(r, 200));
    const random = experimentOf(students[0].updates.at(-1)!)!;
    expect(Object.keys(random.members).length).toBe(4);
    for (const g of Object.values(random.members)) expect([0, 1, 2]).toContain(g);
  });

  it("the reveal keeps each group's result with the experiment, and the students receive it", async () => {
    const { sessionId, gate, board, students } = await classOf(4);
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "lr", values: [0.001, 0.1], seed: 9 } });
    await new Promise((r) => setTimeout(r, 200));
    const info = experimentOf(students[0].updates.at(-1)!)!;
    const at100 = [0, 0];
    for (const [i, s] of students.entries()) {
      const lr = info.groups[info.members[s.userId]].lr!;
      const epochs = 50;
      const h = train({ gate: "AND", lr, epochs, seed: i + 1 });
      if (h.history.at(-1)!.accuracy === 1) at100[info.members[s.userId]]++;
      s.socket.emit("session:progress", { type: "GATE", sessionId, exerciseId: gate, gate: "AND", lr, epochs, seed: i + 1, epoch: epochs, accuracy: h.history.at(-1)!.accuracy, w: h.final.w, b: h.final.b });
    }
    await new Promise((r) => setTimeout(r, 400));
    const revealed = nextEvent(students[0].socket, "session:update", (u) => !!u.exercise?.revealed);
    expect(await board.emitWithAck("control:reveal", { sessionId })).toEqual({ ok: true });
    const result = experimentOf(await revealed)!.result as GroupSummary[];
    expect(result).toHaveLength(2);
    expect(result.map((g) => g.size)).toEqual([2, 2]);
    expect(result.map((g) => g.started)).toEqual([2, 2]);
    const fast = result[1];
    expect(fast.settings).toEqual({ lr: 0.1 });
    expect(fast.curve.length).toBe(50);
    expect(result.map((g) => g.at100)).toEqual(at100);
    expect(result.map((g) => g.share100)).toEqual(at100.map((n) => n / 2));
  });

  it("initial weights: each group trains from its own seed at the exercise's learning rate; another seed is refused", async () => {
    const { sessionId, gate, board, students } = await classOf(2);
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "seed", values: [3, 8], seed: 2 } });
    await new Promise((r) => setTimeout(r, 200));
    const info = experimentOf(students[0].updates.at(-1)!)!;
    expect(info.groups).toEqual([{ seed: 3 }, { seed: 8 }]);
    for (const s of students) {
      const mine = info.groups[info.members[s.userId]].seed!;
      const other = mine === 3 ? 8 : 3;
      // The built-in AND preset: lr 0.01, 1000 epochs.
      expect(await s.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.01, 1000, other) })).toEqual({ ok: false, error: "settingsLocked" });
      expect(await s.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.1, 1000, mine) })).toEqual({ ok: false, error: "settingsLocked" });
      const learned = train({ gate: "AND", lr: 0.01, epochs: 1000, seed: mine }).history.at(-1)!.accuracy === 1;
      expect(await s.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: clientId(), payload: andRun(0.01, 1000, mine) })).toMatchObject({ ok: true, result: { correct: learned } });
    }
  });

  it("hidden-layer activation on XOR: each group's two-layer runs use its activation, another is refused, the reveal compares them", async () => {
    const { sessionId, xor, board, students } = await classOf(4);
    const ack = await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "activation", values: ["sigmoid", "tanh"], seed: 4 } });
    expect(ack).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    const info = experimentOf(students[0].updates.at(-1)!)!;
    expect(info.variable).toBe("activation");
    expect(info.groups).toEqual([{ activation: "sigmoid" }, { activation: "tanh" }]);
    expect(groupSizes(info.members, 2)).toEqual([2, 2]);
    expect(await board.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    const net = (seed: number, activation: HiddenActivation) => {
      const cfg = { seed, lr: 2, epochs: 3000, activation };
      return { ...cfg, final: trainXorNet(cfg).final };
    };
    const solved = [0, 0];
    const epochsTo: number[][] = [[], []];
    for (const [i, s] of students.entries()) {
      const group = info.members[s.userId];
      const mine = info.groups[group].activation!;
      const other = mine === "sigmoid" ? "tanh" : "sigmoid";
      // another group's activation: refused and not stored, even though the replay would match
      expect(await s.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xor, clientId: clientId(), run: net(i + 1, other) })).toEqual({ ok: false, error: "experimentActivation" });
      const r = trainXorNet({ seed: i + 1, lr: 2, epochs: 3000, activation: mine });
      const right = r.history.at(-1)!.accuracy === 1;
      if (right) { solved[group]++; epochsTo[group].push(r.history.findIndex((h) => h.accuracy === 1) + 1); }
      expect(await s.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xor, clientId: clientId(), run: net(i + 1, mine) })).toMatchObject({ ok: true, result: { solved: right } });
    }
    // The board's XOR view carries each run's accuracy steps, so the board compares without replaying.
    const view = await board.emitWithAck("xor:watch", { sessionId });
    if (!view.ok) throw new Error(view.error);
    expect(view.view.net.submitted).toBe(4);
    expect(view.view.net.runs.every((r) => r.epochs === 3000 && (r.steps?.length ?? 0) > 0)).toBe(true);

    const revealed = nextEvent(students[0].socket, "session:update", (u) => !!u.exercise?.revealed);
    expect(await board.emitWithAck("control:reveal", { sessionId })).toEqual({ ok: true });
    const result = experimentOf(await revealed)!.result as GroupSummary[];
    expect(result.map((g) => g.settings)).toEqual([{ activation: "sigmoid" }, { activation: "tanh" }]);
    expect(result.map((g) => g.size)).toEqual([2, 2]);
    expect(result.map((g) => g.started)).toEqual([2, 2]);
    expect(result.map((g) => g.at100)).toEqual(solved);
    expect(result.map((g) => g.converged)).toEqual(epochsTo.map((e) => e.length));
    expect(result[0].curve.at(-1)!.epoch).toBe(3000);
    // the median epochs to 100%, as the replay counts them
    result.forEach((g, k) => { if (epochsTo[k].length === 2) expect(g.medianEpochs).toBe((epochsTo[k][0] + epochsTo[k][1]) / 2); });
  });

  it("the lesson's five hidden activations: the stored comparison states each group's figures and conclusion", async () => {
    const { t, cls, sessionId, xor, board, students } = await classOf(10);
    const values: HiddenActivation[] = ["linear", "step", "sigmoid", "tanh", "relu"];
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "activation", values, seed: 7 } })).toEqual({ ok: true });
    // every student has the push (ten sockets: on a loaded machine 200 ms was not always enough)
    await vi.waitFor(() => expect(students.every((s) => { const u = s.updates.at(-1); return !!u && experimentOf(u)?.groups.length === values.length; })).toBe(true), { timeout: 15_000, interval: 50 });
    const info = experimentOf(students[0].updates.at(-1)!)!;
    expect(info.groups).toEqual(values.map((activation) => ({ activation })));
    expect(groupSizes(info.members, 5)).toEqual([2, 2, 2, 2, 2]);
    expect(await board.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    // What each group should show, from the same runs replayed here.
    const want = values.map(() => ({ solved: 0, best: 0, epochs: [] as number[], dead: 0, gradients: [] as number[] }));
    for (const [i, s] of students.entries()) {
      const group = info.members[s.userId];
      const activation = values[group];
      const seed = i + 1;
      const r = trainXorNet({ seed, lr: 2, epochs: 3000, activation });
      const right = r.history.at(-1)!.accuracy === 1;
      const w = want[group];
      const d = runDiag(r.final, r.history, activation);
      w.solved += Number(right);
      w.best = Math.max(w.best, ...accuracySteps(r.history).map(([, a]) => a));
      if (right) w.epochs.push(r.history.findIndex((h) => h.accuracy === 1) + 1);
      w.dead += d.deadUnits;
      w.gradients.push(d.hiddenGradient);
      // a forged claim (the weights of another seed) is refused, whatever the group
      expect(await s.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xor, clientId: clientId(), run: { activation, lr: 2, epochs: 3000, seed: seed + 100, final: r.final } }))
        .toEqual({ ok: false, error: "replayMismatch" });
      expect(await s.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xor, clientId: clientId(), run: { activation, lr: 2, epochs: 3000, seed, final: r.final } }))
        .toMatchObject({ ok: true, result: { solved: right } });
    }
    // The board's runs carry the server's diagnostics (so its live comparison shows them too).
    const view = await board.emitWithAck("xor:watch", { sessionId });
    if (!view.ok) throw new Error(view.error);
    expect(view.view.net.runs.every((r) => r.diag?.units === 2)).toBe(true);

    const closed = nextEvent(board, "board:session", (u) => u.exercise?.open === false);
    expect(await board.emitWithAck("control:close", { sessionId })).toEqual({ ok: true });
    await closed;
    const revealed = nextEvent(students[0].socket, "session:update", (u) => !!u.exercise?.revealed);
    expect(await board.emitWithAck("control:reveal", { sessionId })).toEqual({ ok: true });
    const result = experimentOf(await revealed)!.result as GroupSummary[];
    expect(result.map((g) => g.net?.activation)).toEqual(values);
    result.forEach((g, k) => {
      const w = want[k];
      expect(g.net).toMatchObject({ size: 2, runs: 2, solved: w.solved, best: w.best, diagnosed: 2, deadUnits: w.dead, units: 4, saturatedUnits: 0 });
      expect(g.net!.medianEpochs).toBe(median(w.epochs));
      expect(g.net!.medianGradient).toBeCloseTo(median(w.gradients)!, 15);
    });
    // The lesson's argument, as the data says it: linear no better than one perceptron, step's lines never moved.
    const linearBest = Math.round(want[0].best * 100);
    expect(linearBest).toBeLessThanOrEqual(75);
    expect(result[0].net!.conclusion).toEqual({ key: "linear", values: { activation: "linear", solved: 0, size: 2, best: linearBest } });
    expect(result[1].net!.conclusion.key).toBe(want[1].solved ? "stepLuck" : "stepStuck");
    expect(result[1].net!.medianGradient).toBe(0);
    expect(result[2].net!.conclusion.key).toBe(want[2].solved ? "solved" : "notSolved");
    if (want[4].dead) expect(result[4].net!.conclusion).toMatchObject({ key: "dead", values: { dead: want[4].dead, units: 4 } });

    // The session's history page shows the stored result with its sentences.
    const html = await (await t.fetch(`/classes/${cls.id}/history/${sessionId}`)).text();
    expect(html).toContain(`linear: 0 of 2 solved, best ${linearBest}% — no better than one perceptron`);
    expect(html).toContain(`step: ${want[1].solved} of 2 solved`);
  });

  it("refuses an experiment from a student, on the activation explorer, or with bad settings", async () => {
    const { sessionId, gate, activation, xor, board, students } = await classOf(1);
    const spec = { mode: "BALANCED" as const, variable: "lr" as const, values: [0.01, 0.1] };
    expect(await students[0].socket.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: spec })).toEqual({ ok: false, error: "forbidden" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: activation, experiment: spec })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { ...spec, values: [0.1, 0.1] } })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { ...spec, values: [0.1, 20] } })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "seed", values: [1, 2] } })).toEqual({ ok: false, error: "invalidInput" });
    // The hidden activation only on XOR, with two different known activations.
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: gate, experiment: { mode: "BALANCED", variable: "activation", values: ["sigmoid", "tanh"] } })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "activation", values: ["sigmoid", "softplus"] as never } })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "activation", values: ["tanh", "tanh"] } })).toEqual({ ok: false, error: "invalidInput" });
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: { mode: "BALANCED", variable: "lr", values: ["tanh", 0.1] } })).toEqual({ ok: false, error: "invalidInput" });
    // Learning rates on XOR are fine.
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: xor, experiment: spec })).toEqual({ ok: true });
  });
});
