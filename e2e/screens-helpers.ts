// Shared by the screens specs (a11y, keyboard, phone, Korean line breaks, lobby): a class with a
// live session, and an instructor socket that pushes exercises the way the board does.
import { expect, type Browser, type Page } from "@playwright/test";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/live/protocol";
import type { BoardState } from "../lib/live/session-protocol";
import { createClass, newPage, signUpInstructor, socketOf } from "./helpers";

export type Board = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveClass {
  teacher: Page;
  code: string;
  classId: string;
  sessionId: string;
  board: Board;
  exercises: BoardState["exercises"];
  push(type: "ACTIVATION" | "GATE" | "XOR"): Promise<void>;
}

/** An instructor signs up, creates a class, starts the built-in lesson live and holds a board socket. */
export async function liveClass(browser: Browser, baseURL: string, name = "Screens 101"): Promise<LiveClass> {
  const teacher = await newPage(browser);
  await signUpInstructor(teacher);
  await teacher.waitForLoadState("networkidle");
  const { code, classId } = await createClass(teacher, name);
  await teacher.waitForLoadState("networkidle");
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await teacher.waitForURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  const board = await socketOf(baseURL, teacher);
  const watched = (await board.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
  expect(watched.ok).toBe(true);
  const exercises = watched.state.exercises;
  return {
    teacher, code, classId, sessionId, board, exercises,
    async push(type) {
      const ex = exercises.find((e) => e.type === type)!;
      expect(await board.emitWithAck("control:push", { sessionId, exerciseId: ex.id })).toEqual({ ok: true });
    },
  };
}

/** Waits until the page's React tree is hydrated (forms submit through React). */
export async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
}
