"use client";
import { useCallback, useEffect, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";
import { applyXorEvent, type XorBoardView, type XorViewEvent } from "@/lib/xor/xor-proof";
import type { XorServerEvents } from "@/lib/live/xor-protocol";
import type { BoardLink } from "../board/useBoard";

const ACK_TIMEOUT_MS = 10_000;
type Msg<E extends keyof XorServerEvents> = Parameters<XorServerEvents[E]>[0];

/**
 * The board's XOR proof for one session, on the board's own socket (useBoard's link: one
 * connection per tab, its room membership): watched on every (re)connect (a snapshot), then the
 * graded deltas (lines, two-layer runs, the unlock) merged with lib/xor-proof. `unlock` sends
 * the instructor's control and resolves with its ack.
 */
export function useXorProof(sessionId: string, { socket, connection }: BoardLink) {
  const [view, setView] = useState<XorBoardView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const apply = useCallback((e: XorViewEvent) => setView((v) => applyXorEvent(v, e)), []);

  useEffect(() => {
    if (!socket) return;
    const line = (m: Msg<"xor:line">) => m.sessionId === sessionId && apply({ kind: "line", line: m.line });
    const run = (m: Msg<"xor:run">) => m.sessionId === sessionId && apply({ kind: "run", run: m.run });
    const unlocked = (m: Msg<"xor:unlocked">) => m.sessionId === sessionId && apply({ kind: "unlocked" });
    socket.on("xor:line", line);
    socket.on("xor:run", run);
    socket.on("xor:unlocked", unlocked);
    return () => {
      socket.off("xor:line", line);
      socket.off("xor:run", run);
      socket.off("xor:unlocked", unlocked);
    };
  }, [socket, sessionId, apply]);

  // Every (re)connect: a fresh snapshot (deltas missed while away are in it).
  useEffect(() => {
    if (!socket || connection !== "connected") return;
    socket.emit("xor:watch", { sessionId }, (res) => {
      if (!res.ok) return setError(res.error);
      setError(null);
      apply({ kind: "view", view: res.view });
    });
  }, [socket, connection, sessionId, apply]);

  const unlock = useCallback(async (): Promise<ErrorCode | null> => {
    if (!socket?.connected) return "serverError";
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("control:unlock", { sessionId });
      return res.ok ? null : res.error;
    } catch {
      return "serverError";
    }
  }, [socket, sessionId]);

  return { view, error, unlock };
}

export type XorProof = ReturnType<typeof useXorProof>;
