// Integration: a preset with formula activations in a live class, on the real server. A student
// exploring a formula streams it to the board (under its key), answers are graded on the server by
// lib/formula/formula-config.ts (the browser's code), the dashboard's wrong answers name the formula by its
// label, and the preset's practice link is validated on save and reaches the student.
import { afterAll, describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { Client } from "../testing/http-client";
import { connect, nextEvent, type TestSocket } from "../testing/sockets";

const made = startWorld();
const sockets: TestSocket[] = [];
let seq = 0;
const open = async (c: Client) => { const s = await connect(made.server.url, c); sockets.push(s); return s; };

afterAll(async () => {
  for (const s of sockets) s.close();
});

const mish = { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} };
const steep = { label: "Steep sigmoid", formula: "sigmoid(alpha * x)", params: { alpha: 3 } };
const link = "/practice/activation?activation=sigmoid&dist=normal&spread=8&axis=fixed&seed=3";

describe("formula activations in a live class", () => {
  it("streams, grades, counts and names a preset's formula; keeps its practice link", async () => {
    const t = new Client(made.server.url);
    const email = `formula-${Date.now()}@example.com`;
    await t.signUp("Teacher", email, "correct horse");
    expect(await t.signIn("instructor", { email, password: "correct horse" })).toBeNull();
    const lessons = (await t.json<{ lessons: { id: string; slug: string | null }[] }>("/api/lessons")).body.lessons;
    const copy = (await t.json<{ id: string }>(`/api/lessons/${lessons.find((l) => l.slug === "activation-basics")!.id}/duplicate`, {})).body;
    const preset = { type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10, customs: [steep, mish] };
    for (const bad of ["https://evil.example/practice/gate", "//evil.example/x", "/practice/gate?lr=-1", "/classes"]) {
      const r = await t.json<{ error: { code: string } }>(`/api/lessons/${copy.id}/exercises/0`, { config: { ...preset, practiceLink: bad } }, "PUT");
      expect([r.status, r.body.error.code], bad).toEqual([400, "practiceLinkInvalid"]);
    }
    expect((await t.json(`/api/lessons/${copy.id}/exercises/0`, { config: { ...preset, practiceLink: link } }, "PUT")).status).toBe(200);
    const lesson = (await t.json<{ lessons: { id: string; exercises: { id: string; position: number }[] }[] }>("/api/lessons")).body.lessons.find((l) => l.id === copy.id)!;
    const exerciseId = lesson.exercises.find((e) => e.position === 0)!.id;

    const cls = (await t.json<{ id: string; joinCode: string }>("/api/classes", { name: "Formulas" })).body;
    const student = async (nickname: string) => {
      const c = new Client(made.server.url);
      expect(await c.signIn("student", { code: cls.joinCode, nickname })).toBeNull();
      return c;
    };
    const [a, b] = [await student("Ana"), await student("Ben")];
    const sessionId = (await t.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: copy.id })).body.id;
    const teacher = await open(t);
    expect(await teacher.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    const [sa, sb] = [await open(a), await open(b)];
    for (const s of [sa, sb]) expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
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
