"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ErrorCode } from "@/lib/edge/forms";
import { applyEvents, type BoardEvent } from "@/lib/board/board";
import type { BoardState } from "@/lib/live/session-protocol";
import type { Control, ControlEvent, ControlPayload, ControlResult } from "@/lib/live/protocol";
import { useSocket, type ClientSocket, type ConnectionState } from "../live/useSocket";

/** The board's one socket, for the board's other panels (the XOR proof): no second connection per tab. */
export interface BoardLink { socket: ClientSocket | null; connection: ConnectionState }

/**
 * User Timing around each flush: "board:update" (events applied, React committed, charts drawn)
 * and "board:paint" (to the next frame). Marks and measures are cleared at once, so nothing
 * accumulates; a PerformanceObserver (the benchmark, DevTools) still receives them.
 */
function markFlush() {
  if (typeof performance !== "undefined" && performance.mark) performance.mark("board:flush");
}
export function measureFlush() {
  if (typeof performance === "undefined" || !performance.measure || !performance.getEntriesByName("board:flush", "mark").length) return;
  performance.measure("board:update", "board:flush");
  performance.clearMeasures("board:update");
  requestAnimationFrame(() => setTimeout(() => {
    if (!performance.getEntriesByName("board:flush", "mark").length) return;
    performance.measure("board:paint", "board:flush");
    performance.clearMeasures("board:paint");
    performance.clearMarks("board:flush");
  }, 0));
}

/** The board re-renders at most this often, however many events arrive (4 a second). */
const FLUSH_MS = 250;
const ACK_TIMEOUT_MS = 10_000;

/**
 * The instructor's live board for one session. Watches the board on every (re)connect, queues
 * incoming events and applies them in batches (lib/board/board), so 200 students streaming progress cost
 * at most 4 renders a second (`observe`, if given, sees each event as it arrives). `control` sends an instructor control and resolves with its ack.
 */
export function useBoard(sessionId: string, observe?: (event: BoardEvent) => void): { state: BoardState | null; connection: ConnectionState; error: ErrorCode | null; control: Control; link: BoardLink } {
  const [state, setState] = useState<BoardState | null>(null);
  const [socket, setSocket] = useState<ClientSocket | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const current = useRef<BoardState | null>(null);
  const queue = useRef<BoardEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastFlush = useRef(0);
  const socketRef = useRef<ClientSocket | null>(null);
  const watching = useRef(false);
  const observeRef = useRef(observe);
  observeRef.current = observe;

  const watch = useCallback((socket: ClientSocket) => {
    if (watching.current) return;
    watching.current = true;
    socket.emit("board:watch", { sessionId }, (res) => {
      watching.current = false;
      if (!res.ok) return setError(res.error);
      setError(null);
      enqueue({ kind: "state", state: res.state, at: performance.now() });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- enqueue is stable (refs only)
  }, [sessionId]);

  const flush = useCallback(() => {
    timer.current = null;
    markFlush();
    lastFlush.current = performance.now();
    const events = queue.current;
    queue.current = [];
    const { state: next, missing } = applyEvents(current.current, events);
    current.current = next;
    // One task per flush: applied, rendered, committed and the charts drawn (their effects run at
    // the end of a synchronous commit), so the whole flush lands in one frame and nothing else runs
    // in between (a socket message, a frame with new numbers beside old charts).
    flushSync(() => setState(next));
    // Someone new streamed or came online: their tile (and nickname) comes with a fresh snapshot.
    if (missing.length && socketRef.current?.connected) watch(socketRef.current);
  }, [watch]);

  function enqueue(e: BoardEvent) {
    observeRef.current?.(e); // the help flags' tracker sees every event too, in the message's task
    queue.current.push(e);
    if (timer.current) return;
    const wait = Math.max(0, FLUSH_MS - (performance.now() - lastFlush.current));
    timer.current = setTimeout(flushRef.current, wait);
  }
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const connection = useSocket((socket) => {
    socketRef.current = socket;
    setSocket(socket); // the same object on every reconnect: one render, the first time
    // onConnect runs on every (re)connect: listen once, watch every time.
    if (!socket.hasListeners("board:state")) {
      socket.on("board:state", (s) => s.sessionId === sessionId && enqueue({ kind: "state", state: s, at: performance.now() }));
      socket.on("board:session", (m) => m.sessionId === sessionId && enqueue({ kind: "session", session: m }));
      socket.on("board:progress", (p) => p.sessionId === sessionId && enqueue({ kind: "progress", items: p.items, at: performance.now() }));
      socket.on("board:presence", (p) => p.sessionId === sessionId && enqueue({ kind: "presence", userId: p.userId, online: p.online, nickname: p.nickname }));
      socket.on("board:group", (g) => g.sessionId === sessionId && enqueue({ kind: "group", experimentId: g.experimentId, userId: g.userId, group: g.group }));
      socket.on("board:result", (r) => r.sessionId === sessionId && enqueue({ kind: "result", userId: r.userId, result: r.result, answer: r.answer }));
    }
    watching.current = false;
    watch(socket);
  });

  const control = useCallback<Control>(async <E extends ControlEvent>(event: E, payload: ControlPayload<E>) => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: "serverError" };
    try {
      // This board's session on every control; the ack is { ok } or { ok: false, error }. The
      // payload was checked against lib/live/protocol.ts at the call (Control's type); socket.io's
      // types cannot index the event map with a generic event, hence this one narrowing.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: E, p: ControlPayload<E>): Promise<ControlResult> };
      return await timed.emitWithAck(event, { ...payload, sessionId });
    } catch {
      return { ok: false, error: "serverError" };
    }
  }, [sessionId]);

  const link = useMemo<BoardLink>(() => ({ socket, connection }), [socket, connection]);
  return { state, connection, error, control, link };
}
