// Integration: experiments on the hidden layer's activation, on the real server with real sockets:
// each group's two-layer runs must use its activation (another is refused), and the reveal stores
// the comparison, with the lesson's five activations stating each group's figures and conclusion.
import { describe, it, vi, expect } from "vitest";
import { startWorld } from "../testing/world";
import { nextEvent } from "../testing/sockets";
import { handIn } from "../testing/xor-net";
import { clientIds, experimentClass, experimentOf } from "../testing/experiment-class";
import { accuracySteps, trainXorNet, type HiddenActivation } from "@/lib/xor/xor-net";
import { runDiag } from "@/lib/nn/mlp-diagnostics";
import { median } from "@/lib/xor/net-findings";
import { groupSizes, type GroupSummary } from "@/lib/experiments/experiments";

const made = startWorld();
const clientId = clientIds("act");
const classOf = (n: number) => experimentClass(made.world, n);

describe("experiments on the hidden activation", () => {
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
      expect(await handIn(s.socket, { sessionId, exerciseId: xor, clientId: clientId(), run: net(i + 1, mine) })).toMatchObject({ ok: true, result: { solved: right } });
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
  }, 60_000);

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
      expect(await handIn(s.socket, { sessionId, exerciseId: xor, clientId: clientId(), run: { activation, lr: 2, epochs: 3000, seed: seed + 100, final: r.final } }))
        .toEqual({ ok: false, error: "replayMismatch" });
      expect(await handIn(s.socket, { sessionId, exerciseId: xor, clientId: clientId(), run: { activation, lr: 2, epochs: 3000, seed, final: r.final } }))
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
});
