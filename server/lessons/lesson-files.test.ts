// Integration: a lesson exported as a file and imported into another instance (a second server on
// its own database), formulas included; the import reports what it refused; a preset with a formula
// is checked on save; a question about a formula activation is graded on the server.
import { describe, expect, it } from "vitest";
import { startWorld, type World } from "../testing/world";

const instructor = async (w: World, name: string) => (await w.instructor(name)).c;
interface LessonJson { id: string; slug: string | null; title: string; exercises: { id: string; type: string; position: number; config: Record<string, unknown> }[] }
interface FileJson { format: string; version: number; title: string; exercises: Record<string, unknown>[] }
const mish = { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} };
const steep = { label: "Steep sigmoid", formula: "sigmoid(alpha * x)", params: { alpha: 3 } };

describe("lesson export and import between two instances", () => {
  const a = startWorld(); // two instances, each on its own embedded database
  const b = startWorld();

  it("exports a lesson with a formula, imports it elsewhere, refuses what is wrong, and grades the formula question", async () => {
    const alice = await instructor(a.world, "Alice");
    const lessons = (await alice.json<{ lessons: LessonJson[] }>("/api/lessons")).body.lessons;
    const builtin = lessons.find((l) => l.slug === "activation-basics")!;
    const copy = (await alice.json<{ id: string }>(`/api/lessons/${builtin.id}/duplicate`, {})).body;

    // a preset with a formula: a broken one is refused on save with a code, a good one kept
    const preset = { type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10 };
    const bad = await alice.json<{ error: { code: string } }>(`/api/lessons/${copy.id}/exercises/0`, { config: { ...preset, customs: [{ label: "x", formula: "1 / x", params: {} }] } }, "PUT");
    expect([bad.status, bad.body.error.code]).toEqual([400, "formulaInvalid"]);
    const good = await alice.json(`/api/lessons/${copy.id}/exercises/0`, { config: { ...preset, customs: [steep, mish] } }, "PUT");
    expect(good.status).toBe(200);

    const res = await alice.fetch(`/api/lessons/${copy.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.lesson\.json"/);
    const file = (await res.json()) as FileJson;
    expect(file).toMatchObject({ format: "neuronlab-lesson", version: 1, title: builtin.title });
    expect(file.exercises.map((e) => e.type)).toEqual(["ACTIVATION", "GATE", "XOR"]);
    expect(file.exercises[0].customs).toEqual([steep, mish]);

    // nobody else can export Alice's lesson; students cannot export or import at all
    const mallory = await instructor(a.world, "Mallory");
    expect((await mallory.fetch(`/api/lessons/${copy.id}/export`)).status).toBe(404);
    expect((await a.world.client().fetch(`/api/lessons/${copy.id}/export`)).status).toBe(401);

    // the other instance: a tampered exercise and a broken formula are refused and named, the rest imported
    const bob = await instructor(b.world, "Bob");
    const tampered = { ...file, title: "신경망 수업 (가져옴)", exercises: [...file.exercises, { type: "GATE", gate: "XOR", lr: 1, epochs: 5, points: 5 }, { ...preset, customs: [{ label: "bad", formula: "exp +", params: {} }] }] };
    const imported = await bob.json<{ id: string; title: string; count: number; refused: unknown[] }>("/api/lessons/import", tampered);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ title: "신경망 수업 (가져옴)", count: 3, refused: [{ position: 4, reason: "invalidConfig" }, { position: 5, reason: "formulaInvalid", code: "formulaSyntax" }] });
    const bobs = (await bob.json<{ lessons: LessonJson[] }>("/api/lessons")).body.lessons.find((l) => l.id === imported.body.id)!;
    expect(bobs.exercises.map((e) => e.config)).toEqual(file.exercises);
    // exporting the imported lesson gives the same file back
    const again = (await (await bob.fetch(`/api/lessons/${bobs.id}/export`)).json()) as FileJson;
    expect(again.exercises).toEqual(file.exercises);

    for (const garbage of [{ format: "neuronlab-lesson", version: 2, title: "x", exercises: [] }, { hello: 1 }, { ...file, exercises: [{ type: "GATE" }] }]) {
      const r = await bob.json<{ error: { code: string } }>("/api/lessons/import", garbage);
      expect([r.status, r.body.error.code]).toEqual([400, "lessonFileInvalid"]);
    }

    // the server grades a question about the formula activations from their computed facts
    const cls = await b.world.cls(bob, "Formula class");
    const { sessionId, teacher, enter } = await b.world.liveSession(bob, cls, bobs.id);
    const { socket: s } = await enter("민지");
    const exerciseId = bobs.exercises[0].id;
    await teacher.emitWithAck("control:push", { sessionId, exerciseId });
    let n = 0;
    const submit = (selected: string[]) => s.emitWithAck("session:submit", { sessionId, exerciseId, clientId: `formula-${Date.now()}-${++n}`, payload: { question: "saturatesBothSides", selected } });
    expect(await submit(["sigmoid", "custom1", "custom2"])).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
    expect(await submit(["sigmoid", "custom1"])).toMatchObject({ ok: true, result: { correct: true, score: 10 } });

    // formula parameters named like Object.prototype's members are saved and graded with their own values
    const protoNamed: { label: string; formula: string; params: Record<string, number> }[] = [
      { label: "c", formula: "sigmoid(constructor * x)", params: { constructor: 3 } },
      { label: "v", formula: "valueOf * x + toString", params: {} },
    ];
    const saved = await bob.json(`/api/lessons/${bobs.id}/exercises/0`, { config: { ...preset, customs: protoNamed } }, "PUT");
    expect(saved.status).toBe(200);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId });
    expect(await submit(["sigmoid", "custom1"])).toMatchObject({ ok: true, result: { correct: true, score: 10 } });
    expect(await submit(["sigmoid", "custom1", "custom2"])).toMatchObject({ ok: true, result: { correct: false, score: 0 } });
  }, 240_000);

  it("imports back a 20-exercise lesson it exported (over the 4 KB a form may send)", async () => {
    const carol = await instructor(a.world, "Carol");
    const exercises = Array.from({ length: 20 }, (_, i) => i % 3 === 0
      ? { type: "ACTIVATION", activations: ["step", "sigmoid", "tanh", "relu"], question: "saturatesBothSides", points: 10, customs: [steep, mish], attempts: { maxAttempts: 3, feedback: "now", counts: "best" }, practiceLink: `/practice/activation?activation=tanh&seed=${i}` }
      : i % 3 === 1
        ? { type: "GATE", gate: i % 2 ? "AND" : "OR", lr: 0.1, epochs: 100 + i, points: 10, locked: true, practiceLink: `/practice/gate?gate=AND&lr=0.1&epochs=50&seed=${i}` }
        : { type: "XOR", lr: 0.05, epochs: 500 + i, points: 10, attempts: { maxAttempts: 2, feedback: "afterReveal", counts: "last" } });
    const first = await carol.json<{ id: string; count: number; refused: unknown[] }>("/api/lessons/import", { format: "neuronlab-lesson", version: 1, title: "스무 개의 연습", exercises });
    expect([first.status, first.body.count, first.body.refused]).toEqual([201, 20, []]);
    const res = await carol.fetch(`/api/lessons/${first.body.id}/export`);
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 1024); // over the 4 KB a form may send (7.4 KB here)
    // the file as downloaded, sent back byte for byte
    const again = await carol.fetch("/api/lessons/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ title: "스무 개의 연습", count: 20, refused: [] });
    // a body far over any lesson file is still refused at the edge
    const huge = await carol.fetch("/api/lessons/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ format: "neuronlab-lesson", version: 1, title: "x", exercises: [], pad: "x".repeat(200 * 1024) }) });
    expect(huge.status).toBe(413);
  }, 120_000);
});

