// A worker thread of server/xor/replay-pool.ts: grades two-layer runs by replay (lib/xor/xor-net-grading.ts),
// the same code the event loop would run, so the same numbers; only the thread differs.
import { parentPort } from "node:worker_threads";
import { gradeXorNetRun } from "@/lib/xor/xor-net-grading";
import type { LabelledPoint } from "@/lib/nn/custom-points";

parentPort?.on("message", (m: { id: number; payload: unknown; points?: readonly LabelledPoint[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, grade: gradeXorNetRun(m.payload, m.points) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
