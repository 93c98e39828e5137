"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { newClientId, retryLater, RETRY_LATER_MS } from "@/lib/live/pending-submission";
import type { XorGraded } from "@/lib/live/xor-protocol";
import type { XorNetRun } from "@/lib/xor/xor-net-grading";
import type { NetRunOutcome } from "./NetRunStatus";
import type { ClientSocket } from "../live/useSocket";

/** Without an ack after this long, the run is sent again (same clientId: stored once). */
const SUBMIT_TIMEOUT_MS = 5000;
const MAX_TRIES = 5;
/**
 * Received but no grade after this long: sent again (the server answers "received" while it still
 * grades, the grade once it has one; never a second replay). A class's burst can take this long.
 */
const GRADE_SILENCE_MS = 20_000;
/** After a reconnect the page enters the session again first; the run is sent again after this. */
const RECONNECT_RESEND_MS = 3000;

/**
 * Hands a two-layer run in: the server acknowledges it on receipt ("received": checking) and sends
 * its grade later (xor:graded). The run is kept until the grade arrives: sent again after 5 s
 * without an ack, after a reconnect and after a long silence, always with the same clientId.
 */
export function useNetRunSubmit(socket: React.RefObject<ClientSocket | null>, sessionId: string, exerciseId: string) {
  const [outcome, setOutcome] = useState<NetRunOutcome | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const submit = useCallback((run: XorNetRun) => {
    stop.current?.(); // a newer run: the older one's answer no longer matters
    const s = socket.current;
    if (!s) return setOutcome({ kind: "refused", error: "serverError" });
    const clientId = newClientId();
    let done = false;
    let received = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const end = () => {
      done = true;
      clearTimeout(timer);
      s.off("xor:graded", onGraded);
      s.off("connect", onConnect);
    };
    const settle = (o: NetRunOutcome) => {
      end();
      setOutcome(o);
    };
    const later = (ms: number, tries: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => send(tries), ms);
    };
    function onGraded(g: XorGraded) {
      if (done || g.clientId !== clientId) return;
      if (!g.ok && retryLater(g.error)) return later(RETRY_LATER_MS, 0);
      settle(g.ok ? { kind: "result", result: g.result } : { kind: "refused", error: g.error });
    }
    function onConnect() {
      if (!done) later(RECONNECT_RESEND_MS, 0);
    }
    const send = (tries: number) => {
      if (done) return;
      if (tries >= MAX_TRIES) return received ? later(GRADE_SILENCE_MS, 0) : settle({ kind: "refused", error: "serverError" });
      if (!s.connected) return later(SUBMIT_TIMEOUT_MS, tries + 1);
      s.timeout(SUBMIT_TIMEOUT_MS).emit("xor:submit", { sessionId, exerciseId, clientId, run }, (err, res) => {
        if (done) return;
        if (err) return send(tries + 1);
        if (!res.ok) {
          // not now; or, once received, a resend that came before the page entered the session again
          if (retryLater(res.error) || (received && res.error === "forbidden")) return later(RETRY_LATER_MS, tries + 1);
          return settle({ kind: "refused", error: res.error });
        }
        if (res.status === "graded") return settle({ kind: "result", result: res.result });
        received = true;
        setOutcome({ kind: "received" });
        later(GRADE_SILENCE_MS, 0);
      });
    };
    s.on("xor:graded", onGraded);
    s.on("connect", onConnect);
    stop.current = end;
    setOutcome({ kind: "sending" });
    send(0);
  }, [sessionId, exerciseId, socket]);

  return { submit, outcome, busy: outcome?.kind === "sending" || outcome?.kind === "received" };
}
