// Integration: the two-layer network's run handed in as homework (issue 20, point 1), on the real
// server: replayed and graded, forged and misshapen runs refused, stored once per clientId, in the
// student's export, and only for students of the class on the XOR exercise.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { trainMlp } from "@/lib/nn/mlp";

const made = startWorld();


type Answer = { result?: { solved: boolean; accuracy: number }; error?: { code: string } };

describe("the network's run as homework", () => {
  it("is replayed and graded; forged, misshapen and foreign runs are refused", async () => {
    const t = await made.world.instructor();
    const cls = await made.world.cls(t.c);
    const { lesson, byType } = await made.world.lesson(t.c);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const assignment = (await t.c.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt })).body.id;
    const ana = await made.world.student(cls.joinCode, "Ana");
    const other = await made.world.cls(t.c, "Other class");
    const bo = await made.world.student(other.joinCode, "Bo");

    const settings = { activation: "relu" as const, lr: 2, epochs: 3000, seed: 3, width: 8 };
    const honest = { ...settings, layers: 1, initScale: 0.3, final: trainMlp(settings).final };
    let n = 0;
    const send = (who = ana, payload: unknown = honest, exerciseId = byType("XOR"), clientId = `hw-net-${++n}-${Date.now()}`) =>
      who.c.json<Answer>(`/api/homework/${assignment}/net-runs`, { exerciseId, clientId, payload });

    const first = await send(ana, honest, byType("XOR"), "hw-net-once");
    expect(first.status).toBe(201);
    expect(first.body.result).toMatchObject({ solved: true, accuracy: 1 });
    // sent again (a retry): the same stored run, not a second one
    expect((await send(ana, honest, byType("XOR"), "hw-net-once")).status).toBe(201);

    // forged: a weight nudged; misshapen: 8 units claimed, 7 sent; not a run at all
    const forged = { ...honest, final: { ...honest.final, out: { ...honest.final.out, b: honest.final.out.b + 0.5 } } };
    expect(await send(ana, forged)).toMatchObject({ status: 422, body: { error: { code: "replayMismatch" } } });
    expect(await send(ana, { ...honest, final: { ...honest.final, hidden: honest.final.hidden.slice(1) } })).toMatchObject({ status: 400, body: { error: { code: "netShapeInvalid" } } });
    expect(await send(ana, "nope")).toMatchObject({ status: 400, body: { error: { code: "invalidSubmission" } } });
    // only on the XOR exercise, and only for the class's students
    expect((await send(ana, honest, byType("GATE"))).status).toBe(404);
    expect((await send(bo, honest)).status).toBe(403);
    expect((await t.c.json(`/api/homework/${assignment}/net-runs`, { exerciseId: byType("XOR"), clientId: "hw-net-teacher", payload: honest })).status).toBe(403);

    // the instructor sees the run in the student's export: the replayed net, once
    const exported = await t.c.json<{ xorNetRuns: { assignmentId: string | null; sessionId: string | null; solved: boolean; payload: { width: number } }[] }>(`/api/classes/${cls.id}/students/${ana.id}`);
    expect(exported.status).toBe(200);
    expect(exported.body.xorNetRuns).toHaveLength(1);
    expect(exported.body.xorNetRuns[0]).toMatchObject({ assignmentId: assignment, sessionId: null, solved: true, payload: { width: 8 } });
  }, 120_000);
});
