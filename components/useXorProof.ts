"use client";
import { useCallback, useRef, useState } from "react";
import type { ErrorCode } from "@/lib/forms";
import { applyXorEvent, type XorBoardView, type XorViewEvent } from "@/lib/xor-proof";
import { useSocket, type ClientSocket } from "./useSocket";

const ACK_TIMEOUT_MS = 10_000;

/**
 * The board's XOR proof for one session: watched on every (re)connect (a snapshot), then the
 * graded deltas (lines, two-layer runs, the unlock) merged with lib/xor-proof. `unlock` sends
 * the instructor's control and resolves with its ack.
 */
export function useXorProof(sessionId: string) {
  const [view, setView] = useState<XorBoardView | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const socketRef = useRef<ClientSocket | null>(null);
  const apply = useCallback((e: XorViewEvent) => setView((v) => applyXorEvent(v, e)), []);

  useSocket((socket) => {
    socketRef.current = socket;
    if (!socket.hasListeners("xor:line")) {
      socket.on("xor:line", (m) => m.sessionId === sessionId && apply({ kind: "line", line: m.line }));
      socket.on("xor:run", (m) => m.sessionId === sessionId && apply({ kind: "run", run: m.run }));
      socket.on("xor:unlocked", (m) => m.sessionId === sessionId && apply({ kind: "unlocked" }));
    }
    socket.emit("xor:watch", { sessionId }, (res) => {
      if (!res.ok) return setError(res.error);
      setError(null);
      apply({ kind: "view", view: res.view });
    });
  });

  const unlock = useCallback(async (): Promise<ErrorCode | null> => {
    const socket = socketRef.current;
    if (!socket?.connected) return "serverError";
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("control:unlock", { sessionId });
      return res.ok ? null : res.error;
    } catch {
      return "serverError";
    }
  }, [sessionId]);

  return { view, error, unlock };
}
