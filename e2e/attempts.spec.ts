// Attempt policies as instructors set them and students see them: the preset form's attempts,
// feedback and lock fields; the student's exercise shows the policy, hides the score until the
// reveal, counts the attempts down and refuses the one too many.
import { expect, test } from "@playwright/test";
import type { BoardState } from "../lib/live/session-protocol";
import { instructorWithLessonCopy, liveSessionWithOne, socketOf } from "./helpers";


test("an exercise allowing 2 attempts with the score after the reveal, and a locked gate", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { page: teacher, errors, lessonId } = await instructorWithLessonCopy(browser);

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

  const { student: ana, studentErrors: anaErrors, sessionId } = await liveSessionWithOne(browser, teacher, lessonId, "Policies 101", "Ana");

  const board = await socketOf(baseURL!, teacher);
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
