// Integration: the network on the class's own points (issue 20, point 4) on the real server. An
// instructor places points in the XOR exercise's preset; after the hidden layer is unlocked a
// student's network run is replayed ON THOSE POINTS and graded; a run on XOR's four corners, on
// other points, or with forged weights is refused; the board's view counts the run. Homework on
// the same preset takes the same rule.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { readPoints, type LabelledPoint } from "@/lib/nn/custom-points";
import { mlpScore, trainMlp } from "@/lib/nn/mlp";
import { handIn } from "../testing/xor-net";

const made = startWorld();
let seq = 0;
const clientId = () => `net-points-${Date.now()}-${++seq}`;

// a ring no line separates (a hidden layer is needed), and two clusters a line separates
const RING = readPoints("50.40.1_60.50.1_50.60.1_40.50.1_10.10.0_90.10.0_90.90.0_10.90.0")!;
const CLUSTERS = readPoints("10.20.0_20.10.0_30.30.0_80.70.1_70.90.1_90.80.1")!;

const settings = { activation: "sigmoid" as const, lr: 5, epochs: 3000, width: 6, layers: 1, initScale: 1 };
/** What the browser sends after training these settings with this seed on these points (none: XOR's four). */
const runOn = (seed: number, points?: LabelledPoint[]) =>
  ({ ...settings, seed, ...(points && { points }), final: trainMlp({ ...settings, seed, ...(points && { points }) }).final });
// the first seed whose honest run ends with the whole ring right
const SEED = [1, 2, 3, 4, 5, 6, 7, 8].find((seed) => mlpScore(runOn(seed, RING).final, "sigmoid", RING).accuracy === 1)!;

describe("the network on an XOR preset's own points", () => {
  it("replays a live run on the exercise's points; refuses runs on XOR's corners, on other points, and forged ones", async () => {
    const { t, cls } = await made.world.teacherWithClass();
    const preset = await made.world.preset(t, "XOR");
    const config = { type: "XOR", lr: 0.5, epochs: 200, points: 10, customPoints: RING };
    expect((await preset.put(config)).status).toBe(200);
    const oneColour = await preset.put({ ...config, customPoints: RING.map((p) => ({ ...p, label: 0 })) });
    expect([oneColour.status, oneColour.body.error.code]).toEqual([400, "pointsOneColour"]);
    const xor = await preset.exercise();
    expect(xor.config.customPoints).toEqual(RING);

    const { sessionId, teacher, enter } = await made.world.liveSession(t, cls, preset.lessonId);
    const { socket } = await enter("Dara");
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: xor.id })).toEqual({ ok: true });
    expect(await teacher.emitWithAck("control:unlock", { sessionId })).toEqual({ ok: true });
    const submit = (run: unknown) => handIn(socket, { sessionId, exerciseId: xor.id, clientId: clientId(), run });

    // an honest run on the class's points: replayed on them, every point right
    const honest = runOn(SEED, RING);
    expect(await submit(honest)).toMatchObject({ ok: true, result: { solved: true, accuracy: 1 } });
    // the same settings trained on XOR's four corners: not this exercise's points
    expect(await submit(runOn(SEED))).toEqual({ ok: false, error: "netPointsNotThisExercise" });
    // the honest weights with the points left out of the claim: refused the same way
    const { points: _drop, ...unclaimed } = honest;
    expect(await submit(unclaimed)).toEqual({ ok: false, error: "netPointsNotThisExercise" });
    // a run on other points (the clusters), and the ring in another order (another training order)
    expect(await submit(runOn(SEED, CLUSTERS))).toEqual({ ok: false, error: "netPointsNotThisExercise" });
    expect(await submit({ ...honest, points: [...RING].reverse() })).toEqual({ ok: false, error: "netPointsNotThisExercise" });
    // forged: the ring claimed, with weights nudged, or with the weights of a run on the corners
    const nudged = { ...honest, final: { ...honest.final, out: { ...honest.final.out, b: honest.final.out.b + 0.5 } } };
    expect(await submit(nudged)).toEqual({ ok: false, error: "replayMismatch" });
    expect(await submit({ ...honest, final: runOn(SEED).final })).toEqual({ ok: false, error: "replayMismatch" });

    // the board's view: one run, replayed on the points and solved (the refused ones are not stored)
    const view = await teacher.emitWithAck("xor:watch", { sessionId });
    expect(view.ok && view.view.net).toMatchObject({ submitted: 1, solved: 1 });
  }, 180_000);

  it("homework on the same preset: the run is replayed on the exercise's points, a run on XOR's corners is refused", async () => {
    const { t, cls } = await made.world.teacherWithClass("Homework points");
    const preset = await made.world.preset(t, "XOR");
    expect((await preset.put({ type: "XOR", lr: 0.5, epochs: 200, points: 10, customPoints: RING })).status).toBe(200);
    const xor = await preset.exercise();
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const assignment = (await t.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: preset.lessonId, dueAt })).body.id;
    const eli = await made.world.student(cls.joinCode, "Eli");
    const send = (payload: unknown) =>
      eli.c.json<{ result?: { solved: boolean }; error?: { code: string } }>(`/api/homework/${assignment}/net-runs`, { exerciseId: xor.id, clientId: clientId(), payload });
    expect(await send(runOn(SEED, RING))).toMatchObject({ status: 201, body: { result: { solved: true } } });
    expect(await send(runOn(SEED))).toMatchObject({ status: 400, body: { error: { code: "netPointsNotThisExercise" } } });
  }, 120_000);
});
