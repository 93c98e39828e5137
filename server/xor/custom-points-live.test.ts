// Integration: the class's own points (issue 20, point 4) on the real server. An instructor places
// points in a gate preset; the preset keeps them; a student's run on them is replayed on them and
// graded; a run on the gate's corners, or on other points, is not this exercise.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { readPoints } from "@/lib/nn/custom-points";
import { train } from "@/lib/nn/perceptron";

const made = startWorld();
let seq = 0;
const clientId = () => `points-${Date.now()}-${++seq}`;


// two clusters a line separates, and a ring no line separates
const CLUSTERS = readPoints("10.20.0_20.10.0_30.30.0_80.70.1_70.90.1_90.80.1")!;
const RING = readPoints("50.40.1_60.50.1_50.60.1_40.50.1_10.10.0_90.10.0_90.90.0_10.90.0")!;

describe("a gate preset with the class's own points, live", () => {
  it("keeps the points, grades a run by replaying it on them, and refuses runs on other points", async () => {
    const { t, cls } = await made.world.teacherWithClass();
    const preset = await made.world.preset(t, "GATE");
    const config = { type: "GATE", gate: "AND", lr: 0.5, epochs: 200, points: 10, customPoints: CLUSTERS };
    expect((await preset.put(config)).status).toBe(200);
    // points of one colour are refused with their own code, and nothing changes
    const oneColour = await preset.put({ ...config, customPoints: CLUSTERS.map((p) => ({ ...p, label: 1 })) });
    expect(oneColour.status).toBe(400);
    expect(oneColour.body.error.code).toBe("pointsOneColour");
    const gate = await preset.exercise();
    expect(gate.config.customPoints).toEqual(CLUSTERS);

    const { sessionId, teacher, enter } = await made.world.liveSession(t, cls, preset.lessonId);
    const { socket } = await enter("Dara");
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: gate.id })).toEqual({ ok: true });

    const submit = (payload: unknown) => socket.emitWithAck("session:submit", { sessionId, exerciseId: gate.id, clientId: clientId(), payload });
    const cfg = { gate: "AND" as const, lr: 0.5, epochs: 200, seed: 3 };
    // an honest run on the class's points: separated, full marks
    const onPoints = train({ ...cfg, points: CLUSTERS }).final;
    expect(await submit({ ...cfg, w: onPoints.w, b: onPoints.b, customPoints: CLUSTERS })).toMatchObject({ ok: true, result: { correct: true, score: 10 } });
    // the same settings trained on AND's four corners give other weights: the replay on the points does not reproduce them
    const onCorners = train(cfg).final;
    expect(await submit({ ...cfg, w: onCorners.w, b: onCorners.b })).toMatchObject({ ok: true, result: { correct: false, score: 0, reason: "mismatch" } });
    // a run on other points is not this exercise
    const onRing = train({ ...cfg, points: RING }).final;
    expect(await submit({ ...cfg, w: onRing.w, b: onRing.b, customPoints: RING })).toMatchObject({ ok: true, result: { correct: false, score: 0, reason: "wrongPoints" } });
  }, 120_000);
});
