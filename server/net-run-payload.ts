// What is stored of a graded two-layer run (live or homework): the run's settings as the student
// claimed them, and the replay's final net, accuracy steps and diagnostics (never the claimed weights).
import type { Prisma } from "@/generated/prisma/client.ts";
import type { XorNetGrade, XorNetRun } from "@/lib/xor-net-grading";

export function netRunPayload(run: XorNetRun, grade: XorNetGrade): Prisma.InputJsonObject {
  const shape = { ...(run.width !== undefined && { width: run.width }), ...(run.layers !== undefined && { layers: run.layers }), ...(run.initScale !== undefined && { initScale: run.initScale }) };
  return { activation: run.activation, lr: run.lr, epochs: run.epochs, seed: run.seed, ...shape, ...(run.points && { points: run.points }), final: grade.net, steps: grade.steps, diag: grade.diag } as unknown as Prisma.InputJsonObject;
}
