"use client";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/protocol";
import { reconnectDelay } from "@/lib/live/reconnect";
import { connectTransports, retryWebSocket } from "@/lib/live/transports";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = "connecting" | "connected" | "disconnected" | "refused";

/**
 * One socket.io connection for the page, authenticated by the session cookie. Reconnects by itself
 * with full-jitter backoff (lib/live/reconnect.ts) instead of socket.io's, so that a whole class
 * dropped by a server restart comes back spread over a few seconds, not on one beat. WebSocket
 * first, long-polling only where a WebSocket cannot open (lib/live/transports.ts), and a connection that
 * fell back to polling tries the WebSocket again later (retryWebSocket).
 */
export function useSocket(onConnect: (socket: ClientSocket) => void): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket: ClientSocket = io({ withCredentials: true, reconnection: false, ...connectTransports() });
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const stopRetrying = retryWebSocket(socket); // fell back to polling (e.g. during a restart): try the WebSocket again later
    const retry = () => {
      clearTimeout(timer);
      if (!closed) timer = setTimeout(() => socket.connect(), reconnectDelay(attempt++, Math.random()));
    };
    socket.on("connect", () => {
      attempt = 0;
      setState("connected");
      onConnect(socket);
    });
    socket.on("disconnect", (reason) => {
      setState("disconnected");
      // The server closing this socket on purpose (signed out, removed) is not a reason to knock again.
      if (reason !== "io client disconnect" && reason !== "io server disconnect") retry();
    });
    socket.on("connect_error", (err) => {
      if (err.message === "unauthorized") return setState("refused");
      setState("disconnected");
      retry();
    });
    return () => {
      closed = true;
      clearTimeout(timer);
      stopRetrying();
      socket.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one connection per mount
  }, []);
  return state;
}
