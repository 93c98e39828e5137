// Integration: the concept questions (lib/grading/concepts.ts) on the real server. An instructor's XOR preset
// asks them; students answer on real sockets; the server grades (a wrong concept answer scores 0,
// an unknown choice is refused), the board raises a misconception flag named by question and choice,
// and the class dashboard's misconception view counts the answers per question.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import { helpFlags } from "@/lib/board/help-flags";
import { emptyTrack, inputsFor, RunWindows } from "@/lib/board/help-track";
import { train } from "@/lib/nn/perceptron";

const made = startWorld();
let seq = 0;
const clientId = () => `concept-${Date.now()}-${++seq}`;


const right = { linearCollapse: "oneLinearMap", stepNoGradient: "zeroSlope", saturation: "gradientVanishes", deadRelu: "negativeForAll" };

describe("concept questions graded on the server", () => {
  it("grades the answers, refuses forged ones, flags misconceptions and counts them on the dashboard", async () => {
    const { t, cls } = await made.world.teacherWithClass();
    const preset = await made.world.preset(t, "XOR");
    const xorConfig = { type: "XOR", lr: 0.01, epochs: 1000, points: 10, concepts: ["linearCollapse", "stepNoGradient", "saturation", "deadRelu"] };
    expect((await preset.put(xorConfig)).status).toBe(200);
    expect((await preset.put({ ...xorConfig, concepts: ["deadRelu", "deadRelu"] })).status).toBe(400);
    const exerciseId = (await preset.exercise()).id;

    const names = ["Ana", "Bea", "Cy"];
    const { sessionId, teacher, enter } = await made.world.liveSession(t, cls, preset.lessonId);
    const students = await Promise.all(names.map((n) => enter(n)));
    const sockets = students.map((s) => s.socket);
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId })).toEqual({ ok: true });

    const cfg = { lr: 0.1, epochs: 20, seed: 5 };
    const run = { ...cfg, bestAccuracy: train({ gate: "XOR", ...cfg }).bestAccuracy, explanation: "notSeparable" };
    const submit = (i: number, concepts: unknown) => sockets[i].emitWithAck("session:submit", { sessionId, exerciseId, clientId: clientId(), payload: { ...run, concepts } });
    expect(await submit(0, right)).toMatchObject({ ok: true, result: { correct: true, score: 10 } });
    expect(await submit(1, { ...right, linearCollapse: "widerHelps" })).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
    expect(await submit(2, { ...right, linearCollapse: "widerHelps", deadRelu: "saturatesBothSides" })).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
    // a choice the question does not have, or a question that does not exist, is refused and not stored
    expect(await submit(0, { ...right, saturation: "vanishes" })).toMatchObject({ ok: false });
    expect(await submit(0, { ...right, constructor: "x" })).toMatchObject({ ok: false });
    // without answers, the XOR explanation alone does not pass a preset that asks
    expect(await submit(0, undefined)).toMatchObject({ ok: true, result: { correct: false } });

    // the board's snapshot carries (Ana's right answer counts: she is not flagged) each student's answer; the help flags name the misconception
    const watched = await teacher.emitWithAck("board:watch", { sessionId });
    if (!watched.ok) throw new Error(watched.error);
    const config = exerciseConfigSchema.parse(watched.state.exercise!.config);
    const flags = helpFlags(watched.state, inputsFor(emptyTrack(Date.now()), config, [], new RunWindows(), Date.now()));
    const byUser = new Map(students.map((s, i) => [s.id, names[i]]));
    const concept = flags.filter((f) => f.reason === "conceptAnswer").map((f) => ({ who: byUser.get(f.userId), ...(f.reason === "conceptAnswer" && { concept: f.concept, choice: f.choice }) }));
    expect(concept.sort((a, b) => String(a.who).localeCompare(String(b.who)))).toEqual([
      { who: "Bea", concept: "linearCollapse", choice: "widerHelps" },
      { who: "Cy", concept: "linearCollapse", choice: "widerHelps" },
    ]);

    // the dashboard's misconception view: per question, the true answer and the misconceptions
    const html = await (await t.fetch(`/classes/${cls.id}/dashboard`)).text();
    expect(html).toContain("Why a linear network fails at any width");
    expect(html).toContain("Most chosen misconception: More units would help (2 students).");
    expect(html).toContain("What a dead ReLU is");
  }, 240_000);
});
