// Integration: the XOR proof on the real server with real sockets: the class result from graded
// perceptron answers, the instructor's unlock reaching every student once, two-layer runs graded
// by replay (a forged claim refused), and the board's count.
import { describe, expect, it } from "vitest";
import { nextEvent } from "../testing/sockets";
import { handIn } from "../testing/xor-net";
import { recorder, sleep, startWorld } from "../testing/world";
import { train } from "@/lib/nn/perceptron";
import { trainXorNet } from "@/lib/xor/xor-net";
import { HIDDEN_ACTIVATIONS, trainMlp, type HiddenActivation } from "@/lib/nn/mlp";

const made = startWorld();
let seq = 0;
const clientId = () => `xor-${Date.now()}-${++seq}`;

/** A live session on the XOR exercise, two students in it (Ana and Ben), the board watching. */
async function setup() {
  const { t, cls, teacher, sessionId, byType, enter } = await made.world.liveClass("XOR");
  const xorId = byType("XOR");
  const student = async (nickname: string) => {
    const s = await enter(nickname);
    return { ...s, userId: s.id };
  };
  const [a, b] = [await student("Ana"), await student("Ben")];
  expect((await teacher.emitWithAck("control:push", { sessionId, exerciseId: xorId })).ok).toBe(true);
  return { t, cls, teacher, sessionId, xorId, a, b };
}

const perceptronAnswer = (seed: number) => {
  const cfg = { lr: 0.1, epochs: 200, seed };
  return { ...cfg, bestAccuracy: train({ gate: "XOR", ...cfg }).bestAccuracy, explanation: "notSeparable" };
};
const netRun = (seed = 1, activation: "sigmoid" | "tanh" = "sigmoid") => {
  const cfg = { seed, lr: 2, epochs: 3000, activation };
  return { ...cfg, final: trainXorNet(cfg).final };
};

describe("the XOR proof, then the hidden layer", () => {
  it("states the class result, unlocks the hidden layer for everyone, grades two-layer runs by replay and counts who solved XOR", async () => {
    const { t, cls, teacher, sessionId, xorId, a, b } = await setup();

    // The single perceptron: both students answer; the board's view replays their runs.
    for (const [s, seed] of [[a, 1], [b, 3]] as const) {
      const res = await s.socket.emitWithAck("session:submit", { sessionId, exerciseId: xorId, clientId: clientId(), payload: perceptronAnswer(seed) });
      expect(res.ok).toBe(true);
    }
    const watched = await teacher.emitWithAck("xor:watch", { sessionId });
    if (!watched.ok) throw new Error(watched.error);
    expect(watched.view).toMatchObject({ unlocked: false, perceptron: { attempted: 2, reached: 0, best: 0.75 }, net: { submitted: 0, solved: 0 } });
    expect(watched.view.perceptron.lines.map((l) => l.userId).sort()).toEqual([a.userId, b.userId].sort());
    const bLine = watched.view.perceptron.lines.find((l) => l.userId === b.userId)!;
    expect(bLine).toMatchObject({ accuracy: 0.5, w: train({ gate: "XOR", lr: 0.1, epochs: 200, seed: 3 }).final.w });

    // A better answer later arrives on the board as a delta (a claimed 100% is not believed: replayed).
    const line = nextEvent(teacher, "xor:line", (m) => m.line.userId === b.userId);
    await b.socket.emitWithAck("session:submit", { sessionId, exerciseId: xorId, clientId: clientId(), payload: { ...perceptronAnswer(1), bestAccuracy: 1 } });
    expect((await line).line.accuracy).toBe(0.75);

    // Not unlocked yet: the two-layer run is refused; a student cannot unlock.
    expect(await a.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xorId, clientId: clientId(), run: netRun() })).toEqual({ ok: false, error: "notUnlocked" });
    expect(await a.socket.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: false, error: "forbidden" });

    // The unlock: one session:update to each student, the board room told (every board socket,
    // also one that never asked for the XOR view: the panel rides on the board's socket and room).
    const boardOnly = await made.world.open(t);
    expect((await boardOnly.emitWithAck("board:watch", { sessionId })).ok).toBe(true);
    const unlockedOnBoard = nextEvent(boardOnly, "xor:unlocked");
    const seenA = recorder(a.socket);
    const gotA = nextEvent(a.socket, "session:update", (u) => u.hiddenLayer === true);
    const gotB = nextEvent(b.socket, "session:update", (u) => u.hiddenLayer === true);
    const unlocked = nextEvent(teacher, "xor:unlocked");
    expect(await teacher.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    await Promise.all([gotA, gotB, unlocked, unlockedOnBoard]);
    // Unlocking again changes nothing and tells nobody.
    expect(await teacher.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    await sleep(300);
    expect(seenA.events.filter((e) => e.name === "session:update")).toHaveLength(1);
    // A student (re)entering learns it from the enter state.
    const again = await a.socket.emitWithAck("session:enter", { sessionId });
    expect(again.ok && again.state.hiddenLayer).toBe(true);

    // An honest two-layer run: acknowledged on receipt ("received"), then replayed: its grade comes
    // to the student as xor:graded (solved), the run to the board.
    const run = nextEvent(teacher, "xor:run", (m) => m.run.userId === a.userId);
    const honestId = clientId();
    const graded = nextEvent(a.socket, "xor:graded", (g) => g.clientId === honestId, 30_000);
    const seenA2 = recorder(a.socket);
    expect(await a.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xorId, clientId: honestId, run: netRun(1) })).toEqual({ ok: true, status: "received" });
    const grade = await graded;
    expect(grade).toMatchObject({ sessionId, exerciseId: xorId, clientId: honestId, ok: true, result: { solved: true, accuracy: 1 } });
    if (!grade.ok) throw new Error(grade.error);
    const delta = (await run).run;
    expect(delta).toMatchObject({ solved: true, activation: "sigmoid" });
    // the replayed weights (a JSON column may drop a last digit: compared to 1e-9)
    const replayed = trainXorNet({ seed: 1, lr: 2, epochs: 3000 }).final.hidden;
    delta.hidden.forEach((u, k) => [u.w[0] - replayed[k].w[0], u.w[1] - replayed[k].w[1], u.b - replayed[k].b].forEach((d) => expect(Math.abs(d)).toBeLessThan(1e-9)));
    // The same submission again (a lost grade): the stored grade in the ack, no second grade event.
    expect(await a.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xorId, clientId: honestId, run: netRun(1) })).toEqual({ ok: true, status: "graded", result: grade.result });
    await sleep(300);
    expect(seenA2.events.filter((e) => e.name === "xor:graded")).toHaveLength(1);

    // Forged claims are received, then refused in the grade event with replayMismatch and never
    // stored: solved weights made by hand, and a tanh run claimed as sigmoid.
    const forged = { ...netRun(1), epochs: 10, final: { hidden: [{ w: [20, 20], b: -10 }, { w: [20, 20], b: -30 }], out: { w: [20, -20], b: -10 } } };
    const acks: unknown[] = [];
    expect(await handIn(b.socket, { sessionId, exerciseId: xorId, clientId: clientId(), run: forged }, acks)).toEqual({ ok: false, error: "replayMismatch" });
    expect(await handIn(b.socket, { sessionId, exerciseId: xorId, clientId: clientId(), run: { ...netRun(1, "tanh"), activation: "sigmoid" } }, acks))
      .toEqual({ ok: false, error: "replayMismatch" });
    expect(acks).toEqual([{ ok: true, status: "received" }, { ok: true, status: "received" }]);
    // A run that is not one is refused in the ack (checked at the edge, never queued).
    expect(await b.socket.emitWithAck("xor:submit", { sessionId, exerciseId: xorId, clientId: clientId(), run: { nonsense: true } })).toEqual({ ok: false, error: "invalidSubmission" });

    // The board's count after a fresh watch: one student solved XOR with the hidden layer.
    const after = await teacher.emitWithAck("xor:watch", { sessionId });
    if (!after.ok) throw new Error(after.error);
    expect(after.view).toMatchObject({ unlocked: true, perceptron: { attempted: 2, reached: 0, best: 0.75 }, net: { submitted: 1, solved: 1 } });
    expect(after.view.net.runs[0].userId).toBe(a.userId);

    // Only an instructor of the session may watch the XOR view.
    expect(await b.socket.emitWithAck("xor:watch", { sessionId })).toEqual({ ok: false, error: "forbidden" });

    // The class history's final board keeps the proof: the single perceptrons' class result (b's
    // forged 100% replayed, not believed) and who solved XOR with the hidden layer; both languages.
    const history = await t.fetch(`/classes/${cls.id}/history/${sessionId}`).then((r) => r.text());
    expect(history).toContain("0 of 2 single perceptrons reached 100%; the best reached 75%.");
    expect(history).toContain("1 of 1 student solved XOR with one hidden layer.");
    const historyKo = await t.fetch(`/classes/${cls.id}/history/${sessionId}`, { headers: { "accept-language": "ko" } }).then((r) => r.text());
    expect(historyKo).toContain("퍼셉트론 하나로 시도한 2명 중 0명이 100%에 도달했습니다. 최고 정확도는 75%입니다.");
    expect(historyKo).toContain("학생 1명 중 1명이 은닉층 하나로 XOR을 풀었습니다.");
    // The dashboard marks Ana (solved with the hidden layer), not Ben (forged runs were refused).
    const dash = await t.fetch(`/classes/${cls.id}/dashboard`).then((r) => r.text());
    expect(dash).toContain('data-testid="xor-net-Ana"');
    expect(dash).toContain("XOR with a hidden layer ✓");
    expect(dash).not.toContain('data-testid="xor-net-Ben"');
    expect(await t.fetch(`/classes/${cls.id}/dashboard`, { headers: { "accept-language": "ko" } }).then((r) => r.text())).toContain("은닉층으로 XOR 해결 ✓");
    // The gradebook of a class that unlocked the hidden layer has a column for it.
    const csv = (await t.fetch(`/api/classes/${cls.id}/export/gradebook`).then((r) => r.text())).replace(/^\uFEFF/, "").split("\r\n").map((l) => l.split(","));
    expect(csv[0].at(-1)).toBe("xor_hidden_layer");
    expect(Object.fromEntries(csv.slice(1, 3).map((r) => [r[0], r.at(-1)]))).toEqual({ Ana: "1", Ben: "0" });

    // Privacy: the student's export includes the run; removing the student deletes it (and their answers).
    const exported = await t.json<{ xorNetRuns: { solved: boolean; payload: { seed: number } }[] }>(`/api/classes/${cls.id}/students/${a.userId}`);
    expect(exported.body.xorNetRuns).toMatchObject([{ solved: true, payload: { seed: 1 } }]);
    expect((await t.fetch(`/api/classes/${cls.id}/students/${a.userId}`, { method: "DELETE" })).status).toBe(200);
    const gone = await teacher.emitWithAck("xor:watch", { sessionId });
    if (!gone.ok) throw new Error(gone.error);
    expect(gone.view).toMatchObject({ perceptron: { attempted: 1 }, net: { submitted: 0, solved: 0 } });
  }, 60_000);

  it("grades the general network by replay: every hidden activation, widths 2 to 8, two layers; forged and misshapen runs refused", async () => {
    const { teacher, sessionId, xorId, a, b } = await setup();
    expect(await teacher.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    const mlpRun = (activation: HiddenActivation, width: number, layers: number, initScale = 0.3, seed = 1, epochs = 1500) =>
      ({ activation, lr: 2, epochs, seed, width, layers, initScale, final: trainMlp({ activation, lr: 2, epochs, seed, width, layers, initScale }).final });
    const submit = (s: typeof a, run: unknown) => handIn(s.socket, { sessionId, exerciseId: xorId, clientId: clientId(), run });

    // each activation at a different width and depth: accepted, graded from the replay
    const shapes: [number, number][] = [[2, 1], [3, 2], [4, 1], [6, 2], [8, 1], [8, 2]];
    let aSolved = false;
    for (const [k, activation] of HIDDEN_ACTIVATIONS.entries()) {
      const [width, layers] = shapes[k];
      const run = mlpRun(activation, width, layers);
      const delta = nextEvent(teacher, "xor:run", (m) => m.run.userId === a.userId && m.run.activation === activation);
      const res = await submit(a, run);
      if (!res.ok) throw new Error(`${activation}: ${res.error}`);
      const replay = trainMlp({ ...run, epochs: run.epochs });
      expect(res.result.accuracy).toBe(replay.history.at(-1)!.accuracy);
      aSolved ||= res.result.solved;
      const got = (await delta).run;
      expect(got).toMatchObject({ width, layers, diag: { units: width * layers } });
      expect(got.hidden).toHaveLength(width);
      if (activation === "linear") expect(res.result.accuracy).toBeLessThanOrEqual(0.75);
      if (activation === "step") expect(got.diag!.hiddenGradient).toBe(0);
    }
    // a wide sigmoid net solves XOR; a wide ReLU run with dead units is counted with them
    expect(await submit(b, mlpRun("sigmoid", 8, 1, 0.3, 1, 3000))).toMatchObject({ ok: true, result: { solved: true, accuracy: 1 } });
    const reluDelta = nextEvent(teacher, "xor:run", (m) => m.run.userId === b.userId && m.run.activation === "relu");
    expect((await submit(b, mlpRun("relu", 8, 1, 1, 11, 600))).ok).toBe(true);
    expect((await reluDelta).run.diag!.deadUnits).toBeGreaterThan(0);

    // one run sent three times while it is queued or replaying (resends after a lost ack): "received"
    // each time, one replay (one grade, one run on the board), then the stored grade
    const twiceId = clientId();
    const twice = mlpRun("sigmoid", 8, 1, 0.3, 5, 3000);
    const seenB = recorder(b.socket);
    const seenBoard = recorder(teacher);
    const payload = { sessionId, exerciseId: xorId, clientId: twiceId, run: twice };
    const acks: unknown[] = [];
    const [first] = await Promise.all([handIn(b.socket, payload, acks), handIn(b.socket, payload, acks), handIn(b.socket, payload, acks)]);
    expect(acks).toEqual([{ ok: true, status: "received" }, { ok: true, status: "received" }, { ok: true, status: "received" }]);
    expect(first).toMatchObject({ ok: true, result: { solved: true } });
    expect(await b.socket.emitWithAck("xor:submit", payload)).toEqual({ ...first, status: "graded" });
    await sleep(300);
    expect(seenB.events.filter((e) => e.name === "xor:graded")).toHaveLength(1);
    expect(seenBoard.events.filter((e) => e.name === "xor:run")).toHaveLength(1);

    // forged: nudged weights, another scale, another width's weights; misshapen: a coded error
    const honest = mlpRun("leakyRelu", 5, 2, 0.5);
    const nudged = structuredClone(honest);
    nudged.final.hidden2![4].b += 1e-3;
    expect(await submit(a, nudged)).toEqual({ ok: false, error: "replayMismatch" });
    expect(await submit(a, { ...honest, initScale: 0.4 })).toEqual({ ok: false, error: "replayMismatch" });
    expect(await submit(a, { ...mlpRun("tanh", 4, 1), final: mlpRun("tanh", 4, 1, 0.3, 2).final })).toEqual({ ok: false, error: "replayMismatch" });
    expect(await submit(a, { ...honest, width: 6 })).toEqual({ ok: false, error: "netShapeInvalid" });
    expect(await submit(a, { ...honest, layers: 1 })).toEqual({ ok: false, error: "netShapeInvalid" });
    expect(await submit(a, { ...honest, width: 9 })).toEqual({ ok: false, error: "invalidSubmission" });
    expect(await submit(a, { ...honest, epochs: 10_001 })).toEqual({ ok: false, error: "invalidSubmission" });

    // the board: both students counted once (each one's best run), b solved, a if one of a's replays did
    const view = await teacher.emitWithAck("xor:watch", { sessionId });
    if (!view.ok) throw new Error(view.error);
    expect(view.view.net).toMatchObject({ submitted: 2, solved: aSolved ? 2 : 1 });
  }, 120_000);

  it("the final board of a session whose hidden layer stayed locked: the class result, and that it was not unlocked", async () => {
    const { t, cls, sessionId, xorId, a } = await setup();
    expect((await a.socket.emitWithAck("session:submit", { sessionId, exerciseId: xorId, clientId: clientId(), payload: perceptronAnswer(3) })).ok).toBe(true);
    const history = await t.fetch(`/classes/${cls.id}/history/${sessionId}`).then((r) => r.text());
    expect(history).toContain("0 of 1 single perceptron reached 100%; the best reached 50%.");
    expect(history).toContain("The hidden layer was not unlocked in this session.");
    // A class that never unlocked it: the gradebook as before, no extra column.
    const header = (await t.fetch(`/api/classes/${cls.id}/export/gradebook`).then((r) => r.text())).replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
    expect(header.slice(-4)).toEqual(["total", "max", "solved", "late"]);
  }, 60_000);
});
