// Sessions that can be revoked. A next-auth JWT lives 30 days and is only decoded, never looked up,
// so on its own it cannot be taken back. Each user row carries a `sessionVersion`; every token carries
// the version it was issued with (`sv`). Sign-out bumps the version: every token issued before it is
// refused from then on, by the route handlers (next-auth's jwt callback, on every getServerSession)
// and by the socket handshake. No cache: one primary-key read per request (batched), so refusal is immediate
// on every node. Removals act on open sockets through rooms, which the Redis adapter spans across nodes.
import type { Server, Socket } from "socket.io";
import { db } from "../db";
import { CONNECT_GATHER_MS, batcher } from "../database/batch";

/** Same room names as server/socket/hub.ts and server/socket/live.ts (kept in step by the authorization test). */
export const rooms = {
  user: (id: string) => `user:${id}`,
  cls: (id: string) => `class:${id}`,
  staff: (id: string) => `staff:${id}`,
  session: (id: string) => `session:${id}`,
  board: (id: string) => `board:${id}`,
};

/** Thrown from the jwt callback: next-auth then clears the cookie and answers "no session". */
export class RevokedSession extends Error {
  constructor() {
    super("session revoked");
  }
}

/**
 * The user's session version, null if the account is gone. Batched: a lecture hall's sockets
 * connecting (or reconnecting) together cost one query per round, not one per socket. Route
 * handlers share it (next-auth's jwt callback): while reads stream in, one waits up to
 * CONNECT_GATHER_MS (server/database/batch.ts) for company; after a quiet spell it goes at once.
 */
export const currentVersion = batcher<string, number | null>(async (ids) => {
  const rows = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, sessionVersion: true } });
  const byId = new Map(rows.map((r) => [r.id, r.sessionVersion]));
  return ids.map((id) => byId.get(id) ?? null);
}, 500, CONNECT_GATHER_MS);

/** Is a token for this user, issued at version `sv`, still good? False once signed out or deleted. */
export async function sessionIsCurrent(userId: unknown, sv: unknown): Promise<boolean> {
  if (typeof userId !== "string" || !userId) return false;
  const v = await currentVersion(userId);
  return v !== null && v === (typeof sv === "number" ? sv : 0);
}

// The hub registers its server here (the Next bundle is a separate module copy; globalThis is shared).
type AnyServer = Server;
const holder = globalThis as unknown as { __neuronlabRevocationIo?: AnyServer };

export function setRevocationIo(io: AnyServer | undefined): void {
  holder.__neuronlabRevocationIo = io;
}

export function revocationIo(): AnyServer | undefined {
  return holder.__neuronlabRevocationIo;
}
const io = revocationIo;

/** Every socket joins its user's room on connect, so that a revocation can find it on any node. */
export async function joinUserRoom(socket: Socket): Promise<void> {
  const id = (socket.data as { user?: { id: string } }).user?.id;
  if (id) await socket.join(rooms.user(id));
}

/** Sign-out: every token of the user stops working and their open sockets are disconnected. */
export async function revokeUserSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  disconnectUsers([userId]);
}

/** Disconnect every socket of these users on every node (the client does not reconnect by itself). */
export function disconnectUsers(userIds: string[]): void {
  const server = io();
  if (!server || !userIds.length) return;
  server.in(userIds.map(rooms.user)).disconnectSockets(false);
}

async function classRooms(classId: string): Promise<{ all: string[]; sessionIds: string[] }> {
  const sessions = await db.liveSession.findMany({ where: { classId }, select: { id: true } });
  const sessionIds = sessions.map((s) => s.id);
  return {
    all: [rooms.cls(classId), rooms.staff(classId), ...sessionIds.flatMap((id) => [rooms.session(id), rooms.board(id)])],
    sessionIds,
  };
}

/** These users' open sockets leave every room of the class (class, staff, each session and board). */
export async function leaveClassRooms(classId: string, userIds: string[]): Promise<void> {
  const server = io();
  if (!server || !userIds.length) return;
  const { all } = await classRooms(classId);
  server.in(userIds.map(rooms.user)).socketsLeave(all);
}

/** The class's rooms as they are now, gathered before the class is deleted (its sessions go with it). */
export async function roomsOfClass(classId: string): Promise<string[]> {
  return (await classRooms(classId)).all;
}

/** A deleted class: every socket leaves its rooms, on every node. */
export function emptyRooms(all: string[]): void {
  const server = io();
  if (!server || !all.length) return;
  server.in(all).socketsLeave(all);
}

/** Tell a student's sockets they were removed from a live session (before they are disconnected). */
export function notifyRemoved(userIds: string[], sessionId: string | null): void {
  const server = io();
  if (!server || !sessionId || !userIds.length) return;
  server.to(userIds.map(rooms.user)).emit("session:kicked", { sessionId });
}
