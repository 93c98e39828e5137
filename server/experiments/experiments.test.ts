// Integration: class experiments on the real server with real sockets — groups assigned at the
// push (balanced, random, by choice, late arrivals), one broadcast carrying every group's settings,
// grading with the group's settings, and the result kept at the reveal.
import { describe, it, expect } from "vitest";
import { startWorld } from "../testing/world";
import { nextEvent, type TestSocket } from "../testing/sockets";
import { port } from "../testing/throwaway";
import { andRun, clientIds, experimentClass, experimentOf } from "../testing/experiment-class";
import { train } from "@/lib/nn/perceptron";
import { groupOf, groupSizes, type GroupSummary } from "@/lib/experiments/experiments";

const made = startWorld({ env: async () => ({ NEURONLAB_COUNT_QUERIES: "1", PORT: String(await port(11)) }) });
const clientId = clientIds("exp");
const classOf = (n: number) => experimentClass(made.world, n);
const queries = async (s: TestSocket) => (await (s as unknown as { emitWithAck(e: string): Promise<{ count: number }> }).emitWithAck("debug:queries")).count;

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
