"use client";
import { useCallback, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";

export type ControlEvent = "control:push" | "control:pause" | "control:close" | "control:reveal" | "control:kick" | "control:end";
export type ControlResult = { ok: true } | { ok: false; error: ErrorCode };
/** Sends one instructor control (the board page wraps socket emitWithAck). */
export type Control = (event: ControlEvent, payload: object) => Promise<ControlResult>;

/** One control at a time: busy while waiting for the ack, then "done" or the ack's error. */
export function useControlAction(control: Control) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ControlResult | null>(null);
  const run = useCallback(async (event: ControlEvent, payload: object) => {
    setBusy(true);
    setResult(null);
    let res: ControlResult;
    try {
      res = await control(event, payload);
    } catch {
      res = { ok: false, error: "serverError" };
    }
    setBusy(false);
    setResult(res);
    return res;
  }, [control]);
  const clear = useCallback(() => setResult(null), []);
  return { busy, result, run, clear };
}
