// A live session as students see it. The instructor starts it from the class page (the board page
// itself belongs to another spec); pushes, pauses, closes, reveals, removes and ends go through a
// real socket.io client signed in with the instructor's cookie, and the students' browsers follow.
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/live/protocol";
import type { BoardState } from "../lib/live/session-protocol";
import { train } from "../lib/nn/perceptron";
import { pendingKey } from "../lib/live/pending-submission";
import { createClass, joinClass, JOIN_LABELS, newPage, signUpInstructor, socketOf, watchConsole } from "./helpers";

type Board = Socket<ServerToClientEvents, ClientToServerEvents>;

function nextEvent<E extends keyof ServerToClientEvents>(s: Board, event: E, accept: (...a: Parameters<ServerToClientEvents[E]>) => boolean) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 15 s`)), 15_000);
    const handler = ((...args: Parameters<ServerToClientEvents[E]>) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      s.off(event, handler as never);
      resolve(args[0]);
    }) as never;
    s.on(event, handler);
  });
}

/**
 * Routes the page's socket.io websockets through the test: while `dropFromServer` is set, nothing
 * the server sends reaches the page (an ack lost on the way); `cut()` drops the connections.
 */
async function lossySockets(page: Page) {
  const routes: WebSocketRoute[] = [];
  const ctl = {
    dropFromServer: false,
    async cut() {
      for (const r of routes.splice(0)) await r.close({ code: 4000, reason: "test cut" });
    },
  };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    routes.push(ws);
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (!ctl.dropFromServer) ws.send(m);
    });
  });
  return ctl;
}

const EN = JOIN_LABELS.en;
const KO = JOIN_LABELS.ko;

test("students follow a live session: pushed exercise, pause, server score, closed, late joiner, reveal, removal, end", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await newPage(browser);
  await signUpInstructor(teacher);
  await teacher.waitForLoadState("networkidle"); // hydrated: the form submits through React
  const { code } = await createClass(teacher, "Live 101");

  const ana = await newPage(browser);
  const anaErrors = watchConsole(ana);
  const anaNet = await lossySockets(ana);
  await joinClass(ana, code, "Ana", EN);
  await expect(ana.getByText("Keep this page open")).toBeVisible();
  await expect(ana.getByTestId("connection")).toHaveText("Live");

  // The instructor starts the built-in lesson from the class page and lands on the board's URL.
  await expect(teacher.getByLabel("Lesson")).toHaveValue(/.+/);
  await expect(teacher.getByLabel("Lesson").locator("option:checked")).toHaveText("Activation functions and the perceptron (3 exercises)");
  const classUrl = teacher.url();
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await teacher.waitForURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;

  // Ana's home page offers the session without a reload; one click enters it.
  await ana.getByRole("link", { name: "Enter the live session" }).click();
  await expect(ana).toHaveURL(new RegExp(`/live/${sessionId}$`));
  await expect(ana.getByTestId("waiting")).toContainText("Waiting for the instructor");

  const board = await socketOf(baseURL!, teacher);
  const watched = (await board.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
  expect(watched.ok).toBe(true);
  const gate = watched.state.exercises.find((e) => e.type === "GATE")!;
  expect(await board.emitWithAck("control:push", { sessionId, exerciseId: gate.id })).toEqual({ ok: true });

  // The gate trainer opens by itself with the preset: AND, learning rate 0.01, 1000 epochs, no gate picker.
  await expect(ana.getByRole("heading", { name: "Exercise 2: Train a perceptron: AND" })).toBeVisible();
  await expect(ana.getByLabel("Learning rate", { exact: true })).toHaveValue("0.01");
  await expect(ana.getByLabel("Epochs", { exact: true })).toHaveValue("1000");
  await expect(ana.getByTestId("gate-select")).toHaveCount(0);
  await expect(ana.getByTestId("waiting")).toHaveCount(0);

  // A second student, on a phone in Korean, joins late with an unacknowledged submission left in
  // the tab's sessionStorage: she lands straight on the exercise and it is resent and graded.
  const ben = await newPage(browser, "ko-KR", { width: 390, height: 844 });
  const benErrors = watchConsole(ben);
  await joinClass(ben, code, "벤", KO);
  const run = { gate: "AND" as const, lr: 0.1, epochs: 50, seed: 3 };
  const { final } = train(run);
  const clientId = "0f0e0d0c-0b0a-4908-8706-050403020100";
  const benResult = nextEvent(board, "board:result", (r) => r.result.correct);
  await ben.evaluate(([key, value]) => sessionStorage.setItem(key, value), [pendingKey(sessionId),
    JSON.stringify({ sessionId, exerciseId: gate.id, clientId, payload: { ...run, w: final.w, b: final.b }, at: Date.now() })] as const);
  await ben.getByRole("link", { name: "실시간 세션 입장" }).click();
  await expect(ben.getByRole("heading", { name: "실습 2: 퍼셉트론 학습: AND" })).toBeVisible();
  await expect(ben.getByTestId("submission-status")).toHaveText("정답 — 10 / 10점");
  expect((await benResult).result).toMatchObject({ score: 10, maxScore: 10 });
  expect(await ben.evaluate((key) => sessionStorage.getItem(key), pendingKey(sessionId))).toBeNull();
  expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Pause: a clear banner, and the controls are locked; resume unlocks them.
  await board.emitWithAck("control:pause", { sessionId, paused: true });
  await expect(ana.getByTestId("paused-banner")).toContainText("Paused by the instructor");
  await expect(ana.getByRole("button", { name: "Play" })).toBeDisabled();
  await expect(ana.getByLabel("Random seed", { exact: true })).toBeDisabled();
  await expect(ben.getByTestId("paused-banner")).toContainText("강사가 일시정지했습니다");
  await board.emitWithAck("control:pause", { sessionId, paused: false });
  await expect(ana.getByTestId("paused-banner")).toHaveCount(0);
  await expect(ana.getByRole("button", { name: "Play" })).toBeEnabled();

  // Ana trains AND to 100% with seed 7; her progress streams to the board with her settings.
  const streamed = nextEvent(board, "board:progress", (p) =>
    p.items.some((i) => i.progress.type === "GATE" && i.progress.seed === 7 && i.progress.accuracy === 1 && i.progress.epochs === 1000));
  await ana.getByLabel("Random seed", { exact: true }).fill("7");
  await ana.getByTestId("speed").fill("5");
  await ana.getByRole("button", { name: "Play" }).click();
  await expect(ana.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", "1000");
  await expect(ana.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
  await streamed;
  // Her submission reaches the server but the ack is lost: she sees "Sending…" until the connection
  // drops and comes back, then the same submission (same clientId) is sent again and the server
  // answers with the one it stored (same time), counted once.
  const anaStored = nextEvent(board, "board:result", (r) => r.result.correct);
  anaNet.dropFromServer = true;
  await ana.getByRole("button", { name: "Check my perceptron" }).click();
  await expect(ana.getByTestId("submission-status")).toHaveText("Sending your answer…");
  const first = await anaStored;
  await ana.waitForTimeout(300);
  await expect(ana.getByTestId("submission-status")).toHaveText("Sending your answer…");
  const resent = nextEvent(board, "board:result", (r) => r.userId === first.userId);
  anaNet.dropFromServer = false;
  await anaNet.cut();
  await expect(ana.getByTestId("submission-status")).toHaveText("Correct — 10 / 10 points");
  expect((await resent).result).toEqual(first.result);
  await expect(ana.getByTestId("connection")).toHaveText("Live");

  // After a reload her settings and her best score come back (progress reaches the database every 2 s).
  await ana.waitForTimeout(2500);
  await ana.reload();
  await expect(ana.getByLabel("Random seed", { exact: true })).toHaveValue("7");
  await expect(ana.getByTestId("submission-status")).toHaveText("Your best so far: 10 / 10 points");

  // Closed: the banner says so, and a new submission gets the server's clear refusal.
  await board.emitWithAck("control:close", { sessionId });
  await expect(ana.getByTestId("closed-banner")).toContainText("Exercise closed");
  await expect(ben.getByTestId("closed-banner")).toContainText("실습 마감");
  await ana.getByRole("button", { name: "Step one epoch" }).click();
  await ana.getByRole("button", { name: "Check my perceptron" }).click();
  await expect(ana.getByTestId("submission-status")).toHaveText("Not accepted: This exercise is closed: submissions are no longer accepted.");

  // Reveal: the answer appears, computed from the exercise.
  await board.emitWithAck("control:reveal", { sessionId });
  await expect(ana.getByTestId("revealed-answer")).toContainText("Any run that gets all four rows of the AND truth table right counts.");
  await expect(ana.getByTestId("closed-banner")).toContainText("Answer revealed");

  // Removing Ben takes him out at once; ending the session tells Ana.
  const snapshot = (await board.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
  const benTile = snapshot.state.tiles.find((x) => x.nickname === "벤")!;
  expect(await board.emitWithAck("control:kick", { sessionId, userId: benTile.userId })).toEqual({ ok: true });
  await expect(ben.getByTestId("kicked")).toContainText("세션에서 퇴장되었습니다");
  // Both stay online on the class roster while on the live page; the class page links to the session.
  await teacher.goto(classUrl);
  await expect(teacher.getByText("2 joined, 2 online")).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Open live session" })).toHaveAttribute("href", `/sessions/${sessionId}`);
  await expect(teacher.getByRole("button", { name: "Start live session" })).toHaveCount(0);
  expect(await board.emitWithAck("control:end", { sessionId })).toEqual({ ok: true });
  await expect(ana.getByTestId("ended")).toContainText("Session ended");

  board.close();
  expect(anaErrors).toEqual([]);
  expect(benErrors).toEqual([]);
});
