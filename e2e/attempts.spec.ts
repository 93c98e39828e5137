// Attempt policies as instructors set them and students see them: the preset form's attempts,
// feedback and lock fields; the student's exercise shows the policy, hides the score until the
// reveal, counts the attempts down and refuses the one too many.
import { expect, test, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/live/protocol";
import type { BoardState } from "../lib/live/session-protocol";
import { createClass, joinClass, newPage, signUpInstructor, watchConsole } from "./helpers";

async function instructorSocket(baseURL: string, page: Page) {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseURL, { extraHeaders: { cookie }, forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

test("an exercise allowing 2 attempts with the score after the reveal, and a locked gate", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  await teacher.getByRole("link", { name: "Lessons" }).click();
  await teacher.getByRole("button", { name: "Duplicate" }).click();
  await expect(teacher.getByRole("heading", { name: "Edit lesson" })).toBeVisible();
  const lessonId = new URL(teacher.url()).pathname.split("/").filter(Boolean)[1];

  const explorer = teacher.getByTestId("preset-ACTIVATION");
  await explorer.getByLabel("Attempts allowed (empty: no limit)").fill("2");
  await explorer.getByLabel("Students see their score").selectOption("afterReveal");
  await explorer.getByLabel("The attempt that counts").selectOption("last");
  await explorer.getByRole("button", { name: "Save" }).click();
  await expect(explorer.getByText("Saved.")).toBeVisible();
  const gate = teacher.getByTestId("preset-GATE");
  await gate.getByLabel("Default learning rate").fill("0.1");
  await gate.getByLabel("Lock the learning rate and epochs").check();
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByText("Saved.")).toBeVisible();
  await teacher.reload();
  await expect(teacher.getByTestId("preset-ACTIVATION").getByLabel("Attempts allowed (empty: no limit)")).toHaveValue("2");
  await expect(teacher.getByTestId("preset-GATE").getByLabel("Lock the learning rate and epochs")).toBeChecked();

  await teacher.goto("/classes");
  const { code } = await createClass(teacher, "Policies 101");
  const ana = await newPage(browser);
  const anaErrors = watchConsole(ana);
  await joinClass(ana, code, "Ana");
  await teacher.getByLabel("Lesson").selectOption(lessonId);
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await teacher.waitForURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  await ana.getByRole("link", { name: "Enter the live session" }).click();
  await expect(ana.getByTestId("waiting")).toBeVisible();

  const board = await instructorSocket(baseURL!, teacher);
  const watched = (await board.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
  const ex = (type: string) => watched.state.exercises.find((e) => e.type === type)!.id;
  await board.emitWithAck("control:push", { sessionId, exerciseId: ex("ACTIVATION") });

  await expect(ana.getByTestId("attempt-policy")).toHaveText("2 attempts allowed · your score once the instructor reveals the answer · your last attempt counts");
  await ana.getByRole("checkbox", { name: "Sigmoid", exact: true }).check();
  await ana.getByRole("button", { name: "Submit my answer" }).click();
  await expect(ana.getByTestId("submission-status")).toHaveText("Received. Your score appears when the instructor reveals the answer. 1 attempt left");
  await ana.getByRole("button", { name: "Submit my answer" }).click();
  await expect(ana.getByTestId("submission-status")).toContainText("No attempts left");
  await ana.getByRole("button", { name: "Submit my answer" }).click();
  await expect(ana.getByTestId("submission-status")).toHaveText("Not accepted: You have used every attempt this exercise allows.");

  // The projector, seen by the class, shows who submitted but no score before the reveal.
  const projector = await teacher.context().newPage();
  await projector.goto(`/sessions/${sessionId}/projector`);
  await expect(projector.getByTestId("counters")).toContainText("1 submitted");
  await expect(projector.getByTestId("counters")).toContainText("scores after the reveal");
  await expect(projector.getByTestId("counters")).not.toContainText("correct");

  // The reveal shows the counted attempt's real score.
  await board.emitWithAck("control:reveal", { sessionId });
  await expect(projector.getByTestId("counters")).toContainText(/\d+ correct/);
  await projector.close();
  await ana.reload();
  await expect(ana.getByTestId("submission-status")).toContainText(/Your last attempt counts: \d+ \/ 10 points/);

  // The locked gate: learning rate and epochs fixed, said so.
  await board.emitWithAck("control:push", { sessionId, exerciseId: ex("GATE") });
  await expect(ana.getByTestId("preset-locked")).toHaveText("Settings fixed by the instructor: learning rate 0.1, at most 1000 epochs.");
  await expect(ana.getByLabel("Learning rate", { exact: true })).toBeDisabled();
  await expect(ana.getByLabel("Epochs", { exact: true })).toBeDisabled();
  await expect(ana.getByLabel("Random seed", { exact: true })).toBeEnabled();
  board.close();
  expect(errors).toEqual([]);
  expect(anaErrors).toEqual([]);
});
