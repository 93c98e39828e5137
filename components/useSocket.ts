"use client";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/protocol";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = "connecting" | "connected" | "disconnected" | "refused";

/** One socket.io connection for the page, authenticated by the session cookie. */
export function useSocket(onConnect: (socket: ClientSocket) => void): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket: ClientSocket = io({ withCredentials: true });
    socket.on("connect", () => {
      setState("connected");
      onConnect(socket);
    });
    socket.on("disconnect", () => setState("disconnected"));
    socket.on("connect_error", (err) => setState(err.message === "unauthorized" ? "refused" : "disconnected"));
    return () => {
      socket.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one connection per mount
  }, []);
  return state;
}
