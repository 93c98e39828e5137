"use client";
import { useCallback, useState } from "react";
import type { Control, ControlEvent, ControlPayload, ControlResult } from "@/lib/live/protocol";

export type { Control, ControlEvent, ControlResult };

/** One control at a time: busy while waiting for the ack, then "done" or the ack's error. */
export function useControlAction(control: Control) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ControlResult | null>(null);
  const run = useCallback(async <E extends ControlEvent>(event: E, payload: ControlPayload<E>) => {
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
