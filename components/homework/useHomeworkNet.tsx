"use client";
import { useCallback, useRef, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";
import type { XorNetRun } from "@/lib/xor/xor-net-grading";
import type { XorNetResult } from "@/lib/live/xor-protocol";
import NetRunStatus, { type NetRunOutcome } from "../xor/NetRunStatus";
import type { XorNetLive } from "../xor/XorNetView";

/** Homework: the network's run handed in to the server, which replays it; its answer shown, never one computed here. */
export function useHomeworkNet(assignmentId: string, exerciseId: string): XorNetLive {
  const [outcome, setOutcome] = useState<NetRunOutcome | null>(null);
  const current = useRef<string | null>(null);
  const submit = useCallback(async (run: XorNetRun) => {
    const clientId = crypto.randomUUID();
    current.current = clientId;
    setOutcome({ kind: "sending" });
    try {
      const res = await fetch(`/api/homework/${assignmentId}/net-runs`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exerciseId, clientId, payload: run }),
      });
      const body = (await res.json().catch(() => null)) as { result?: XorNetResult; error?: { code: ErrorCode } } | null;
      if (current.current !== clientId) return;
      setOutcome(res.ok && body?.result ? { kind: "result", result: body.result } : { kind: "refused", error: body?.error?.code ?? "serverError" });
    } catch {
      if (current.current === clientId) setOutcome({ kind: "refused", error: "serverError" });
    }
  }, [assignmentId, exerciseId]);
  return { submit: (run) => void submit(run), busy: outcome?.kind === "sending", status: <NetRunStatus outcome={outcome} /> };
}
