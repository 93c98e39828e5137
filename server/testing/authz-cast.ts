// The authorization matrix's cast (server/authz-matrix.test.ts): eight callers of one class and
// another, made through the real routes, with their sockets subscribed where each may be and a
// recorder on every socket once the setup has settled.
import { expect } from "vitest";
import type { Client } from "./http-client";
import type { TestSocket } from "./sockets";
import { cloneClient, recorder, sleep, type World } from "./world";

export const ACTORS = ["anonymous", "student", "otherStudent", "removedStudent", "owner", "co", "removedCo", "otherInstructor"] as const;
export type Actor = (typeof ACTORS)[number];
export const SOCKET_ACTORS = ["student", "otherStudent", "owner", "co", "removedCo", "otherInstructor"] as const;
export type SocketActor = (typeof SOCKET_ACTORS)[number];

/** Everyone and everything the matrix tries: the callers' HTTP clients, ids and sockets, the classes (C: this one, D: another, C2: a throwaway), the session S, the homework H, the lesson L. */
export async function castOf(w: World) {
  const http = {} as Record<Actor, Client>;
  const ids = {} as Record<"student" | "otherStudent" | "removedStudent" | "kickMe" | "owner" | "co" | "removedCo" | "otherInstructor", string>;
  const emails: Partial<Record<Actor, string>> = {};
  const sock = {} as Record<SocketActor | "kickMe", TestSocket>;
  const logs = {} as Record<SocketActor | "kickMe", ReturnType<typeof recorder>>;
  const [owner, co, removedCo, other] = await Promise.all([w.instructor("Owner"), w.instructor("Co"), w.instructor("Removed"), w.instructor("Other")]);
  Object.assign(http, { owner: owner.c, co: co.c, removedCo: removedCo.c, otherInstructor: other.c, anonymous: w.client() });
  Object.assign(ids, { owner: owner.id, co: co.id, removedCo: removedCo.id, otherInstructor: other.id });
  Object.assign(emails, { removedCo: removedCo.email, otherInstructor: other.email });
  const C = await w.cls(owner.c, "This class");
  const C2 = await w.cls(owner.c, "Throwaway");
  const D = await w.cls(other.c, "Other class");
  for (const email of [co.email, removedCo.email]) expect((await owner.c.json(`/api/classes/${C.id}/instructors`, { email })).status).toBe(201);
  expect((await owner.c.fetch(`/api/classes/${C.id}/instructors/${removedCo.id}`, { method: "DELETE" })).status).toBe(200);
  const [student, otherStudent, removed, kickMe] = await Promise.all([w.student(C.joinCode, "Student"), w.student(D.joinCode, "Elsewhere"), w.student(C.joinCode, "Removed"), w.student(C.joinCode, "KickMe")]);
  Object.assign(http, { student: student.c, otherStudent: otherStudent.c, removedStudent: cloneClient(removed.c) });
  Object.assign(ids, { student: student.id, otherStudent: otherStudent.id, removedStudent: removed.id, kickMe: kickMe.id });
  expect((await owner.c.fetch(`/api/classes/${C.id}/students/${removed.id}`, { method: "DELETE" })).status).toBe(200);
  const { lesson, byType } = await w.lesson(owner.c);
  const L = (await owner.c.json<{ id: string }>(`/api/lessons/${lesson.id}/duplicate`, {})).body.id;
  const H = (await owner.c.json<{ id: string }>(`/api/classes/${C.id}/assignments`, { lessonId: lesson.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() })).body.id;
  const S = await w.startSession(owner.c, C.id, lesson.id);

  for (const a of SOCKET_ACTORS) sock[a] = await w.open(http[a]);
  sock.kickMe = await w.open(kickMe.c);
  // The allowed subscriptions, made before anything is recorded.
  expect(await sock.owner.emitWithAck("class:watch", { classId: C.id })).toMatchObject({ ok: true });
  expect(await sock.co.emitWithAck("class:watch", { classId: C.id })).toMatchObject({ ok: true });
  expect(await sock.owner.emitWithAck("board:watch", { sessionId: S })).toMatchObject({ ok: true });
  expect(await sock.co.emitWithAck("board:watch", { sessionId: S })).toMatchObject({ ok: true });
  expect(await sock.otherInstructor.emitWithAck("class:watch", { classId: D.id })).toMatchObject({ ok: true });
  expect(await sock.otherStudent.emitWithAck("class:watch", { classId: D.id })).toMatchObject({ ok: true });
  expect(await sock.student.emitWithAck("class:watch", { classId: C.id })).toMatchObject({ ok: true });
  expect(await sock.student.emitWithAck("session:enter", { sessionId: S })).toMatchObject({ ok: true });
  expect(await sock.kickMe.emitWithAck("session:enter", { sessionId: S })).toMatchObject({ ok: true });
  await sleep(300); // roster and presence pushes of the setup settle
  for (const k of Object.keys(sock) as (SocketActor | "kickMe")[]) logs[k] = recorder(sock[k]);
  return { http, ids, emails, sock, logs, C, D, C2, S, H, L, ex: byType };
}
