"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";
import { isUntrained, toProgress, type ExerciseReport } from "@/lib/live/live-progress";
import { clearPending, loadPending, newClientId, retryLater, RETRY_LATER_MS, savePending, type KeyValueStore, type PendingSubmission } from "@/lib/live/pending-submission";
import type { SessionUpdate, StudentSessionState, SubmissionResult } from "@/lib/live/session-protocol";
import { better, studentView } from "@/lib/live/session-view";
import { perSecond, throttleLatest } from "@/lib/util/throttle";
import { useSocket, type ClientSocket, type ConnectionState } from "./useSocket";

/** Where the student stands: entering, in the session, or out of it (and why). */
export type Phase = { kind: "entering" } | { kind: "in" } | { kind: "kicked" } | { kind: "ended" } | { kind: "refused"; error: ErrorCode };
/** The latest submission: on its way, graded by the server, or refused by it. */
export type Outcome =
  | { kind: "sending"; exerciseId: string }
  | { kind: "result"; exerciseId: string; result: SubmissionResult }
  | { kind: "refused"; exerciseId: string; error: ErrorCode };

/** Progress goes out at most this often per student (the server drops anything faster than 10/s). */
const PROGRESS_PER_SECOND = 5;
/** Without an ack after this long, the submission is sent again (same clientId). */
const SUBMIT_TIMEOUT_MS = 5000;

function sessionStore(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * A student's side of a live session: enter (again on every reconnect), follow the pushed state,
 * stream throttled progress, and submit with retries until the server acknowledges. It also
 * watches the class, so the student stays online on the roster and learns when the session is
 * replaced or ended.
 */
export function useStudentSession(sessionId: string, classId: string) {
  const [state, setState] = useState<StudentSessionState | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "entering" });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const socketRef = useRef<ClientSocket | null>(null);
  const entered = useRef(false);
  const pending = useRef<PendingSubmission | null>(null);
  const stateRef = useRef<StudentSessionState | null>(null);
  stateRef.current = state;
  const me = useRef<string | null>(null);
  const early = useRef<SessionUpdate | null>(null);
  /** The best result this page knows per exercise, for when an exercise is pushed again. */
  const results = useRef(new Map<string, SubmissionResult>());
  const remember = (r: SubmissionResult | null) => {
    if (r) results.current.set(r.exerciseId, better(r, results.current.get(r.exerciseId)));
  };

  const trySend = useCallback(function send() {
    const socket = socketRef.current;
    const p = pending.current;
    if (!socket?.connected || !entered.current || !p) return;
    const { exerciseId, clientId, payload } = p;
    socket.timeout(SUBMIT_TIMEOUT_MS).emit("session:submit", { sessionId, exerciseId, clientId, payload }, (err, res) => {
      if (pending.current?.clientId !== clientId) return; // a newer submission replaced this one
      if (err) return send(); // no ack in time: again now, or on reconnect (after entering)
      if (!res.ok && retryLater(res.error)) return void setTimeout(send, RETRY_LATER_MS); // database down: kept, sent again
      pending.current = null;
      clearPending(sessionStore(), sessionId, clientId);
      if (res.ok) remember(res.result);
      setOutcome(res.ok ? { kind: "result", exerciseId, result: res.result } : { kind: "refused", exerciseId, error: res.error });
    });
  }, [sessionId]);

  // A submission sent before a reload and never acknowledged goes out again once entered.
  useEffect(() => {
    const stored = loadPending(sessionStore(), sessionId);
    if (stored && !pending.current) {
      pending.current = stored;
      setOutcome({ kind: "sending", exerciseId: stored.exerciseId });
    }
  }, [sessionId]);

  const connection: ConnectionState = useSocket((socket) => {
    socketRef.current = socket;
    entered.current = false;
    me.current = null; // until this connection's enter ack: updates wait in `early`
    early.current = null;
    if (!socket.hasListeners("session:update")) {
      // One message for the whole session; this student's own view is derived here.
      socket.on("session:update", (u) => {
        if (u.sessionId !== sessionId) return;
        if (!me.current) return void (early.current = u); // before the enter ack: applied after it
        const s = studentView(u, me.current, stateRef.current, results.current);
        stateRef.current = s;
        setState(s);
        if (s.status === "ENDED") setPhase({ kind: "ended" });
      });
      socket.on("session:kicked", (msg) => {
        if (msg.sessionId !== sessionId) return;
        entered.current = false;
        setPhase({ kind: "kicked" });
      });
      socket.on("class:session", (msg) => {
        if (msg.classId === classId && msg.liveSessionId !== sessionId) setPhase((p) => (p.kind === "kicked" ? p : { kind: "ended" }));
      });
      socket.on("disconnect", () => (entered.current = false));
    }
    socket.emit("class:watch", { classId }, () => {});
    socket.emit("session:enter", { sessionId }, (res) => {
      if (!res.ok) {
        if (retryLater(res.error)) return void setTimeout(() => socket.connected && socket.disconnect().connect(), RETRY_LATER_MS);
        if (res.error === "kicked") return setPhase({ kind: "kicked" });
        if (res.error === "sessionEnded") return setPhase({ kind: "ended" });
        return setPhase({ kind: "refused", error: res.error });
      }
      entered.current = true;
      me.current = res.userId;
      setUserId(res.userId);
      remember(res.state.result);
      const u = early.current;
      early.current = null;
      const s = u ? studentView(u, res.userId, res.state, results.current) : res.state;
      stateRef.current = s;
      setState(s);
      setPhase(s.status === "ENDED" ? { kind: "ended" } : { kind: "in" });
      trySend();
    });
  });

  const throttle = useMemo(
    () => throttleLatest((p: object) => socketRef.current?.volatile.emit("session:progress", p as never), perSecond(PROGRESS_PER_SECOND)),
    [],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);
  const firstReport = useRef<{ exerciseId: string; json: string } | null>(null);

  /** Called by the exercise as the student works; sent only while the exercise is open to them. */
  const report = useCallback((r: ExerciseReport) => {
    const s = stateRef.current;
    const ex = s?.exercise;
    if (!s || !ex || s.paused || s.status !== "LIVE" || !entered.current) return;
    const progress = toProgress(sessionId, ex.id, r);
    if (isUntrained(progress)) return;
    // The report an exercise makes when it opens is not work yet: wait for the first change.
    const json = JSON.stringify(progress);
    if (firstReport.current?.exerciseId !== ex.id) firstReport.current = { exerciseId: ex.id, json };
    else if (firstReport.current.json === json) return;
    else firstReport.current.json = "";
    throttle.push(progress);
  }, [sessionId, throttle]);

  /** A submission: the verification payload, never a score. Retried until acknowledged. */
  const submit = useCallback((exerciseId: string, payload: unknown) => {
    const p: PendingSubmission = { sessionId, exerciseId, clientId: newClientId(), payload, at: Date.now() };
    pending.current = p;
    savePending(sessionStore(), p);
    setOutcome({ kind: "sending", exerciseId });
    trySend();
  }, [sessionId, trySend]);

  /** An experiment by choice: join one of its groups (lib/experiments/experiments.ts). */
  const choose = useCallback(async (group: number): Promise<{ ok: true; group: number } | { ok: false; error: ErrorCode }> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: "serverError" };
    try {
      return await socket.timeout(SUBMIT_TIMEOUT_MS).emitWithAck("experiment:choose", { sessionId, group });
    } catch {
      return { ok: false, error: "serverError" };
    }
  }, [sessionId]);

  /** The page's socket, for the XOR proof's next step (components/xor/XorHiddenLayer.tsx). */
  return { state, phase, outcome, connection, report, submit, userId, choose, socket: socketRef };
}
