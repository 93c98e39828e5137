"use client";
import { useCallback, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";
import { sendJson } from "./sendJson";

type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A form's request to one of our JSON routes, and what it shows about it: `busy` while it runs,
 * `error` (FieldError) when it or the form's own check failed, `done` after it succeeded (a
 * "saved" status). `send` resolves to the answer's body, or null when it failed (the error is set);
 * with `leaving` the form stays busy after a success (it navigates away).
 */
export function useSend() {
  const [error, setErrorState] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  /** The form's own check failed: its error, and no "done" left showing. */
  const setError = useCallback((code: ErrorCode | null) => {
    setDone(false);
    setErrorState(code);
  }, []);
  const send = useCallback(async <T = Record<string, unknown>>(url: string, method: Method, body?: unknown, { leaving = false } = {}): Promise<T | null> => {
    setDone(false);
    setBusy(true);
    const res = await sendJson<T>(url, method, body);
    if (!res.ok || !leaving) setBusy(false);
    if (!res.ok) {
      setErrorState(res.error);
      return null;
    }
    setErrorState(null);
    setDone(true);
    return res.body;
  }, []);
  return { error, setError, busy, done, send };
}
