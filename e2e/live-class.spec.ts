// A whole live class, every person in a real browser: the instructor runs the session from the
// board, three students join on their own pages; two train and submit; the board shows their
// server scores and decision lines; pause locks a student's controls; projector mode hides names.
import { expect, test, type Page } from "@playwright/test";
import { createClass, joinClass, newPage, signUpInstructor, watchConsole } from "./helpers";

const tile = (page: Page, name: string) => page.getByTestId("tile").filter({ has: page.getByTestId("tile-name").getByText(name, { exact: true }) });

test("instructor and three students: push, train, submit, pause, board, projector", async ({ browser }) => {
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code } = await createClass(teacher, "Neurons live");

  const names = ["Ana", "Ben", "Cy"];
  const students: Page[] = [];
  const studentErrors: string[][] = [];
  for (const [i, name] of names.entries()) {
    // Cy is on a phone.
    const page = await newPage(browser, "en-US", i === 2 ? { width: 390, height: 844 } : undefined);
    studentErrors.push(watchConsole(page));
    students.push(page);
    await joinClass(page, code, name);
    await expect(page.getByRole("heading", { name: `Welcome, ${name}!` })).toBeVisible();
  }

  await teacher.getByRole("button", { name: "Start live session" }).click();
  await expect(teacher).toHaveURL(/\/sessions\/[^/]+$/);
  for (const page of students) {
    await page.getByRole("link", { name: "Enter the live session" }).click();
    await expect(page.getByTestId("waiting")).toContainText("Waiting for the instructor");
  }
  await expect(teacher.getByTestId("tile")).toHaveCount(3);

  // Push the gate exercise from the board's controls: it opens by itself on every student's page.
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "2. Train a perceptron: AND" });
  await teacher.getByRole("button", { name: "Send 2. Train a perceptron: AND" }).click();
  for (const page of students) {
    await expect(page.getByRole("heading", { name: "Exercise 2: Train a perceptron: AND" })).toBeVisible();
  }

  // Pause locks the students' controls; resume unlocks them.
  await teacher.getByRole("button", { name: "Pause everyone" }).click();
  const cy = students[2];
  await expect(cy.getByTestId("paused-banner")).toContainText("Paused by the instructor");
  await expect(cy.getByRole("button", { name: "Play" })).toBeDisabled();
  await teacher.getByRole("button", { name: "Resume everyone" }).click();
  await expect(cy.getByRole("button", { name: "Play" })).toBeEnabled();

  // Ana and Ben train to 100% and submit; the server grades the replayed run.
  for (const [i, page] of students.slice(0, 2).entries()) {
    await page.getByLabel("Random seed", { exact: true }).fill(String(11 + i));
    await page.getByTestId("speed").fill("5");
    await page.getByRole("button", { name: "Play" }).click();
    await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", "1000");
    await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
    await page.getByRole("button", { name: "Check my perceptron" }).click();
    await expect(page.getByTestId("submission-status")).toHaveText("Correct — 10 / 10 points");
  }

  // The board: both tiles with the server's scores, their lines on the class overlay, the counters.
  for (const name of ["Ana", "Ben"]) {
    await expect(tile(teacher, name).getByTestId("tile-score")).toHaveText("10 / 10");
    await expect(tile(teacher, name).getByTestId("tile-status")).toHaveText("✓ Correct");
  }
  await expect(teacher.getByTestId("class-overlay").locator("line[data-line]")).toHaveCount(2);
  await expect(teacher.getByTestId("counters")).toContainText("3 joined / 2 submitted / 2 correct");

  // Projector mode: no student's name is on the board any more.
  await teacher.getByRole("switch", { name: "Projector mode: hide names" }).click();
  const board = teacher.locator(".bd-board");
  for (const name of names) await expect(board).not.toContainText(name);
  await expect(teacher.getByTestId("tile")).toHaveCount(3);

  expect(errors).toEqual([]);
  for (const e of studentErrors) expect(e).toEqual([]);
});
