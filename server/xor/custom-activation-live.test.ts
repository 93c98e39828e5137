// Integration: a preset with formula activations in a live class, on the real server. A student
// exploring a formula streams it to the board (under its key), answers are graded on the server by
// lib/formula/formula-config.ts (the browser's code), the dashboard's wrong answers name the formula by its
// label, and the preset's practice link is validated on save and reaches the student.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { nextEvent, type TestSocket } from "../testing/sockets";

const made = startWorld();
let seq = 0;

const mish = { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} };
const steep = { label: "Steep sigmoid", formula: "sigmoid(alpha * x)", params: { alpha: 3 } };
const link = "/practice/activation?activation=sigmoid&dist=normal&spread=8&axis=fixed&seed=3";

describe("formula activations in a live class", () => {
  it("streams, grades, counts and names a preset's formula; keeps its practice link", async () => {
    const { t, cls } = await made.world.teacherWithClass("Formulas");
    const preset = await made.world.preset(t, "ACTIVATION");
    const config = { type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10, customs: [steep, mish] };
    for (const bad of ["https://evil.example/practice/gate", "//evil.example/x", "/practice/gate?lr=-1", "/classes"]) {
      const r = await preset.put({ ...config, practiceLink: bad });
      expect([r.status, r.body.error.code], bad).toEqual([400, "practiceLinkInvalid"]);
    }
    expect((await preset.put({ ...config, practiceLink: link })).status).toBe(200);
    const exerciseId = (await preset.exercise()).id;

    const { sessionId, teacher, enter } = await made.world.liveSession(t, cls, preset.lessonId);
    const [{ socket: sa }, { socket: sb }] = [await enter("Ana"), await enter("Ben")];
    const pushed = nextEvent(sa, "session:update", (u) => u.exercise?.id === exerciseId);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId });
    // the student's exercise carries the practice link
    expect(((await pushed).exercise?.config as { practiceLink?: string }).practiceLink).toBe(link);

    // Ana looks at Mish: the board receives it under its key (it used to be dropped)
    const seen = nextEvent(teacher, "board:progress", (p) => p.items.some((i) => i.progress.type === "ACTIVATION" && i.progress.activation === "custom2"));
    sa.emit("session:progress", { type: "ACTIVATION", sessionId, exerciseId, activation: "custom2", threshold: 0, alpha: 0.01 });
    await seen;
    const again = await teacher.emitWithAck("board:watch", { sessionId });
    expect(again.ok && again.state.tiles.find((x) => x.nickname === "Ana")?.progress).toMatchObject({ type: "ACTIVATION", activation: "custom2" });
    // a key beyond the known ones is still refused at the edge
    const none = nextEvent(teacher, "board:progress", (p) => p.items.some((i) => i.progress.type === "ACTIVATION" && (i.progress.activation as string) === "custom9"), 1500);
    sb.emit("session:progress", { type: "ACTIVATION", sessionId, exerciseId, activation: "custom9" as "custom1", threshold: 0, alpha: 0.01 });
    await expect(none).rejects.toThrow(/no board:progress/);

    // graded on the server from the formulas' computed facts: the steep sigmoid saturates on both sides, Mish does not
    const submit = (s: TestSocket, selected: string[]) =>
      s.emitWithAck("session:submit", { sessionId, exerciseId, clientId: `formula-${Date.now()}-${++seq}`, payload: { question: "saturatesBothSides", selected } });
    expect(await submit(sa, ["sigmoid", "custom1", "custom2"])).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
    expect(await submit(sb, ["sigmoid"])).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
    expect(await submit(sb, ["sigmoid", "custom1"])).toMatchObject({ ok: true, result: { correct: true, score: 10 } });

    // the dashboard's wrong answers name the formulas by their labels
    const html = await (await t.fetch(`/classes/${cls.id}/dashboard`)).text();
    const at = html.indexOf(`data-testid="explorer-answers-${exerciseId}"`);
    expect(at).toBeGreaterThan(0);
    const chart = html.slice(at, html.indexOf("</figure>", at));
    // Ana ticked Mish (wrong); Ben's wrong answer left out the steep sigmoid (right): in the chart's text alternative
    expect(chart).toContain("Mish — ticked but wrong 1");
    expect(chart).toContain("Steep sigmoid — right but missed 1");
    expect(chart).not.toContain("custom2");
  }, 240_000);
});
