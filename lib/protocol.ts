// The socket.io event vocabulary, typed both ways and validated at the edge with zod.
// Keep it tight: every event a client may send has a schema here and an ack with a clear result.
import { z } from "zod";
import type { ErrorCode } from "./forms";

export const watchClassSchema = z.object({ classId: z.string().min(1).max(64) });
export type WatchClass = z.infer<typeof watchClassSchema>;

export interface RosterEntry {
  userId: string;
  nickname: string;
  joinedAt: string; // ISO time
  online: boolean;
}

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: ErrorCode };

export interface ClientToServerEvents {
  /** Join a class's room: an instructor of the class, or a student enrolled in it. */
  "class:watch": (payload: WatchClass, ack: (res: Ack<{ roster?: RosterEntry[] }>) => void) => void;
}

export interface ServerToClientEvents {
  /** The class roster changed (a student joined, came online or went offline). Staff only. */
  "class:roster": (payload: { classId: string; roster: RosterEntry[] }) => void;
}

export interface SocketUser {
  id: string;
  role: "INSTRUCTOR" | "STUDENT";
  name: string;
}
