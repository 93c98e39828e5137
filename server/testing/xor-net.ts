// Test support: a two-layer run handed in as the page hands it in (components/xor/useNetRunSubmit.ts):
// xor:submit's ack, then, for a run acknowledged as received, its grade (xor:graded).
import type { ErrorCode } from "@/lib/edge/error-codes";
import type { XorGraded, XorNetResult, XorSubmit } from "@/lib/live/xor-protocol";
import type { TestSocket } from "./sockets";

export type HandedIn = { ok: true; result: XorNetResult } | { ok: false; error: ErrorCode };

/**
 * What the student finally learns of a run: a refusal at the edge (in the ack), the stored grade
 * (an ack "graded"), or the grade event after an ack "received". `acks` collects the ack.
 */
export function handIn(socket: TestSocket, payload: XorSubmit, acks?: unknown[], timeoutMs = 30_000): Promise<HandedIn> {
  return new Promise((resolve, reject) => {
    let received = false;
    let graded: XorGraded | null = null;
    const finish = (out: HandedIn) => {
      clearTimeout(timer);
      socket.off("xor:graded", onGraded);
      resolve(out);
    };
    const fromGrade = (g: XorGraded): HandedIn => (g.ok ? { ok: true, result: g.result } : { ok: false, error: g.error });
    const onGraded = (g: XorGraded) => {
      if (g.clientId !== payload.clientId) return;
      graded = g;
      if (received) finish(fromGrade(g));
    };
    const timer = setTimeout(() => {
      socket.off("xor:graded", onGraded);
      reject(new Error(`no grade for ${payload.clientId} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("xor:graded", onGraded);
    socket.emitWithAck("xor:submit", payload).then((ack) => {
      acks?.push(ack);
      if (!ack.ok) return finish(ack);
      if (ack.status === "graded") return finish({ ok: true, result: ack.result });
      received = true;
      // the grade can only follow its ack; but keep it if socket.io ever handed them over out of order
      if (graded) finish(fromGrade(graded));
    }, reject);
  });
}
