// A class experiment, every person in a real browser: the instructor pushes the AND exercise as an
// experiment with two learning-rate groups (balanced), two students in their own browser contexts
// each see their group and train with its rate, the board compares the groups live, the reveal
// shows the students how their group did, and the projector and the class history keep it. Also: by
// choice on initial weights, and sigmoid against tanh in the XOR puzzle's hidden layer.
import { expect, test, type Page } from "@playwright/test";
import { liveClassWithStudents as liveClass } from "./helpers";

/** Train the pushed gate exercise to its preset's 1000 epochs and check it. */
async function trainAndCheck(page: Page, seed?: number) {
  if (seed !== undefined) await page.getByLabel("Random seed", { exact: true }).fill(String(seed));
  await page.getByTestId("speed").fill("5");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", "1000");
  await page.getByRole("button", { name: "Check my perceptron" }).click();
}

test("an experiment with two groups ends with the comparison on the board", async ({ browser }) => {
  test.setTimeout(300_000); // slow on a loaded machine (150 s ran out at the last page)
  const { teacher, errors, classId, sessionId, students, studentErrors } = await liveClass(browser, ["Ana", "Ben"]);

  // The push, as an experiment: balanced groups, one per learning rate.
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "2. Train a perceptron: AND" });
  await teacher.getByRole("checkbox", { name: "Run as an experiment" }).check();
  await teacher.getByRole("combobox", { name: "Groups" }).selectOption("BALANCED");
  await teacher.getByRole("textbox", { name: "Learning rates, one group each" }).fill("0.01, 1");
  await teacher.getByRole("button", { name: "Send 2. Train a perceptron: AND as an experiment (2 groups)" }).click();

  // Each student sees their own group and trains with its learning rate (locked).
  const groups: string[] = [];
  for (const [i, page] of students.entries()) {
    const banner = page.getByTestId("experiment-group");
    await expect(banner).toContainText(/You are in group [AB]/);
    const text = (await banner.textContent())!;
    groups.push(text.includes("group A") ? "A" : "B");
    await expect(banner).toContainText(text.includes("group A") ? "learning rate 0.01" : "learning rate 1");
    await expect(page.getByLabel("Learning rate", { exact: true })).toHaveValue(text.includes("group A") ? "0.01" : "1");
    await trainAndCheck(page, 11 + i);
    await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
    await expect(page.getByTestId("submission-status")).toHaveText("Correct — 10 / 10 points");
  }
  expect([...groups].sort()).toEqual(["A", "B"]); // balanced: one student in each group

  // The board compares the groups live: a median line and a band per group, the share at 100%.
  const comparison = teacher.getByTestId("experiment-comparison");
  await expect(comparison).toBeVisible();
  await expect(comparison.locator("path[data-median]")).toHaveCount(2);
  await expect(comparison.locator("path[data-band]")).toHaveCount(2);
  for (const g of ["A", "B"]) {
    const row = comparison.getByTestId(`experiment-row-${g}`);
    await expect(row).toContainText(g === "A" ? "0.01" : "1");
    await expect(row.getByTestId("experiment-share")).toHaveText("100% (1 of 1)");
  }
  await expect(comparison.getByTestId("experiment-row-A").getByTestId("experiment-epochs")).not.toHaveText("—");

  // The reveal: each student sees how their group did against the other.
  await teacher.getByRole("button", { name: "Reveal the answer" }).click();
  for (const [i, page] of students.entries()) {
    const result = page.getByTestId("experiment-comparison");
    await expect(result).toBeVisible();
    await expect(result.getByTestId(`experiment-row-${groups[i]}`)).toContainText("your group");
    await expect(result.locator("path[data-median]")).toHaveCount(2);
  }

  // The projector shows the comparison too, legibly (large type).
  const projector = await teacher.context().newPage();
  await projector.goto(`/sessions/${sessionId}/projector`);
  await expect(projector.getByTestId("experiment-comparison")).toBeVisible();
  await expect(projector.getByTestId("experiment-comparison").getByTestId("experiment-row-B").getByTestId("experiment-share")).toHaveText("100% (1 of 1)");
  await projector.screenshot({ path: "test-results/experiment-projector.png" });
  await projector.close();

  // The class history keeps the experiment and its result after the session ends.
  await teacher.locator("summary", { hasText: "More" }).click();
  await teacher.getByRole("button", { name: "End the session" }).click();
  await teacher.getByRole("button", { name: "Yes, end the session" }).click();
  await expect(teacher.getByTestId("session-controls")).toContainText("This session has ended.");
  await teacher.goto(`/classes/${classId}/history/${sessionId}`);
  const kept = teacher.getByTestId("experiment-comparison");
  await expect(kept).toBeVisible();
  await expect(kept.getByTestId("experiment-row-A").getByTestId("experiment-share")).toHaveText("100% (1 of 1)");
  await teacher.goto(`/classes/${classId}/dashboard`);
  await expect(teacher.getByTestId("experiment-list")).toContainText("0.01");

  expect(errors).toEqual([]);
  for (const e of studentErrors) expect(e).toEqual([]);
});

test("by choice, on initial weights: a student picks a group and trains from its seed", async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, errors, students, studentErrors } = await liveClass(browser, ["Cy"]);
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "2. Train a perceptron: AND" });
  await teacher.getByRole("checkbox", { name: "Run as an experiment" }).check();
  await teacher.getByRole("combobox", { name: "Groups" }).selectOption("CHOICE");
  await teacher.getByRole("combobox", { name: "What differs" }).selectOption("seed");
  await teacher.getByRole("textbox", { name: "Seeds, one group each" }).fill("3, 1.5");
  await expect(teacher.getByTestId("experiment-setup").getByRole("alert")).toContainText("whole numbers");
  await expect(teacher.getByRole("button", { name: /as an experiment/ })).toHaveCount(0);
  await teacher.getByRole("textbox", { name: "Seeds, one group each" }).fill("3, 8");
  await teacher.getByRole("button", { name: "Send 2. Train a perceptron: AND as an experiment (2 groups)" }).click();

  const [cy] = students;
  await expect(cy.getByTestId("experiment-choose")).toBeVisible();
  await expect(cy.getByRole("button", { name: "Play" })).toHaveCount(0); // no run before a group
  await cy.getByRole("button", { name: "Join group B (initial weights from seed 8)" }).click();
  await expect(cy.getByTestId("experiment-group")).toContainText("You are in group B: initial weights from seed 8.");
  const seed = cy.getByLabel("Random seed", { exact: true });
  await expect(seed).toHaveValue("8");
  await expect(seed).toBeDisabled();
  await expect(cy.getByLabel("Learning rate", { exact: true })).toHaveValue("0.01");
  await trainAndCheck(cy);
  await expect(cy.getByTestId("submission-status")).toContainText("10 points");

  const comparison = teacher.getByTestId("experiment-comparison");
  await expect(comparison.getByTestId("experiment-row-B")).toContainText("8");
  await expect(comparison.getByTestId("experiment-row-B").getByTestId("experiment-share")).toHaveText(/\(1 of 1\)/);
  await expect(comparison.getByTestId("experiment-row-A").getByTestId("experiment-share")).toHaveText("0% (0 of 0)");
  await expect(comparison.locator("path[data-median]")).toHaveCount(2);
  await teacher.screenshot({ path: "test-results/experiment-board.png", fullPage: true });
  expect(errors).toEqual([]);
  expect(studentErrors[0]).toEqual([]);
});

test("an experiment on the hidden layer's activation: sigmoid against tanh on the XOR puzzle", async ({ browser }) => {
  test.setTimeout(300_000); // 3,000 epochs drawn in two browsers: slow on a loaded machine
  const { teacher, errors, students, studentErrors } = await liveClass(browser, ["Dee", "Eli"]);
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "3. The XOR puzzle" });
  await teacher.getByRole("checkbox", { name: "Run as an experiment" }).check();
  await teacher.getByRole("combobox", { name: "Groups" }).selectOption("BALANCED");
  await teacher.getByRole("combobox", { name: "What differs" }).selectOption("activation");
  // The setup offers the lesson's five (e2e/experiment-activations.spec.ts); here two of them.
  await teacher.getByRole("textbox", { name: "Hidden-layer activations, one group each" }).fill("sigmoid, tanh");
  await teacher.getByRole("button", { name: "Send 3. The XOR puzzle as an experiment (2 groups)" }).click();

  const groups: string[] = [];
  for (const page of students) {
    const banner = page.getByTestId("experiment-group");
    await expect(banner).toContainText(/You are in group [AB]: hidden units with (sigmoid|tanh)\./);
    groups.push((await banner.textContent())!.includes("group A") ? "A" : "B");
  }
  expect([...groups].sort()).toEqual(["A", "B"]);

  // The hidden layer, unlocked: each student's net uses the group's activation, which they cannot change.
  await teacher.getByTestId("xor-unlock").click();
  for (const [i, page] of students.entries()) {
    const layer = page.getByTestId("xor-hidden-layer");
    const select = layer.getByTestId("net-activation");
    await expect(select).toHaveValue(groups[i] === "A" ? "sigmoid" : "tanh");
    await expect(select).toBeDisabled();
    await expect(layer.getByText("Epoch 3000", { exact: true })).toBeVisible({ timeout: 90_000 });
    await layer.getByTestId("net-submit").click();
    await expect(layer.getByTestId("net-result")).toHaveText("Accepted: the server's replay solved XOR (100%).");
  }

  // The board compares the two activations on the graded runs: with seed 1, tanh gets there in 61 epochs, sigmoid in 922.
  const comparison = teacher.getByTestId("experiment-comparison");
  await expect(comparison.getByTestId("experiment-row-A")).toContainText("sigmoid");
  await expect(comparison.getByTestId("experiment-row-B")).toContainText("tanh");
  await expect(comparison.getByTestId("experiment-row-A").getByTestId("experiment-share")).toHaveText("100% (1 of 1)");
  await expect(comparison.getByTestId("experiment-row-A").getByTestId("experiment-epochs")).toHaveText("922");
  await expect(comparison.getByTestId("experiment-row-B").getByTestId("experiment-epochs")).toHaveText("61");
  await expect(comparison.locator("path[data-median]")).toHaveCount(2);

  await teacher.getByRole("button", { name: "Reveal the answer" }).click();
  for (const [i, page] of students.entries()) {
    const result = page.getByTestId("experiment-comparison");
    await expect(result.getByTestId(`experiment-row-${groups[i]}`)).toContainText("your group");
    await expect(result.getByTestId("experiment-row-B").getByTestId("experiment-epochs")).toHaveText("61");
  }
  await teacher.screenshot({ path: "test-results/experiment-activation-board.png", fullPage: true });
  expect(errors).toEqual([]);
  for (const e of studentErrors) expect(e).toEqual([]);
});
