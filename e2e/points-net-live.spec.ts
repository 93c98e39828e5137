// The network on the class's own points, live (issue 20, point 4): the instructor places three points
// in the XOR exercise's preset (one of output 1 between two of output 0 on one line: no line separates
// them), starts a session and unlocks the hidden layer; a student's network trains on exactly those
// points (shown, not editable), she submits, the server replays the run on them; the board and the
// projector (in English and in Korean) draw the class's points with her hidden-unit lines, say that no line separates them, and count her.
import { expect, test } from "@playwright/test";
import { mlpScore, trainMlp } from "../lib/nn/mlp";
import { instructorWithLessonCopy, liveSessionWithOne, presetWithPoints, watchConsole } from "./helpers";

// what the preset's editor makes below, in its order
const POINTS = [{ x: 20, y: 20, label: 0 as const }, { x: 80, y: 80, label: 0 as const }, { x: 50, y: 50, label: 1 as const }];
// the first seed whose 2-2-1 sigmoid net (the live page's defaults: lr 2, 3000 epochs) gets all three right
const SEED = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((seed) => {
  const { final } = trainMlp({ seed, lr: 2, epochs: 3000, activation: "sigmoid", width: 2, layers: 1, initScale: 0.3, points: POINTS });
  return mlpScore(final, "sigmoid", POINTS).accuracy === 1;
})!;

test("the class's own points in the XOR preset: the live network trains on them, is graded on them, the board draws them", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page: teacher, errors, lessonId } = await instructorWithLessonCopy(browser);
  const { preset: xor, editor } = await presetWithPoints(teacher, "XOR");
  // a third point in the middle (output 1), and the top-right one made output 0
  await editor.getByRole("button", { name: "Add a point" }).click();
  await editor.getByTestId("point-1").focus();
  await teacher.keyboard.press("c");
  await expect(editor.getByTestId("point-1")).toContainText("(0.80, 0.80), output 0");
  await expect(editor.getByTestId("point-2")).toContainText("(0.50, 0.50), output 1");
  await expect(editor.getByTestId("points-separable")).toContainText("Linearly separable: no");
  await xor.getByRole("button", { name: "Save" }).click();
  await expect(xor.getByText("Saved.")).toBeVisible();

  const { student, studentErrors } = await liveSessionWithOne(browser, teacher, lessonId, "Own points", "Ana");
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "3. The XOR puzzle" });
  await teacher.getByRole("button", { name: "Send 3. The XOR puzzle" }).click();
  // before the unlock the board already says what the points are
  await expect(teacher.getByTestId("xor-class-points")).toHaveText("The class's own points (3): no straight line separates them, so a single perceptron cannot: it takes a hidden layer.");
  await teacher.getByTestId("xor-unlock").click();
  await expect(teacher.getByTestId("xor-net-count")).toContainText("No two-layer run submitted yet.");

  // the student's network: on the class's three points, listed, not editable
  const net = student.getByTestId("xor-hidden-layer");
  await expect(net).toBeVisible();
  const shown = net.getByTestId("point-editor");
  await expect(shown.getByRole("listitem")).toHaveCount(3);
  await expect(shown.getByTestId("point-2")).toContainText("(0.50, 0.50), output 1");
  await expect(shown.getByRole("button", { name: "Add a point" })).toHaveCount(0);
  await expect(net.getByTestId("net-use-points")).toHaveCount(0);
  // she picks the seed that separates them, trains the 3000 epochs, and submits
  await net.getByLabel("Random seed", { exact: true }).fill(String(SEED));
  await net.getByRole("button", { name: "Play" }).click();
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-accuracy")).toHaveText("Network accuracy 100%");
  await expect(net.getByRole("img", { name: /3 of 3 points are classified correctly/ })).toBeVisible();
  await net.getByTestId("net-submit").click();
  await expect(net.getByTestId("net-result")).toContainText("(100%)");

  // the board: her two hidden-unit lines over the class's three points, counted, said in words
  await expect(teacher.getByTestId("xor-net-count")).toContainText("1 of 1 student got all the class's points right with a hidden layer.");
  const lines = teacher.getByTestId("xor-hidden-lines");
  await expect(lines.locator("g.lines line")).toHaveCount(2);
  await expect(lines.locator("g.points path")).toHaveCount(3);
  await expect(lines.getByTestId("chart-summary")).toContainText(
    "The class's 3 points: class 1 at (0.5, 0.5); class 0 at (0.2, 0.2), (0.8, 0.8); no straight line separates them, so a single perceptron cannot: it takes a hidden layer. 2 hidden-unit lines from 1 network, 1 got all the class's points right");
  // the single perceptrons' panel stays on XOR's four corners
  await expect(teacher.getByTestId("xor-best-lines").locator("g.points path")).toHaveCount(4);

  // the projector: the same points and count, no control
  const projector = await teacher.context().newPage();
  const projectorErrors = watchConsole(projector);
  await projector.goto(`${new URL(teacher.url()).pathname}/projector`);
  await expect(projector.getByTestId("xor-net-count")).toContainText("1 of 1 student got all the class's points right with a hidden layer.");
  await expect(projector.getByTestId("xor-class-points")).toContainText("The class's own points (3)");
  await expect(projector.getByTestId("xor-hidden-lines").locator("g.points path")).toHaveCount(3);

  // the projector in Korean (the instructor's cookies, a Korean browser): the same statement and text
  const ko = await (await browser.newContext({ locale: "ko-KR", storageState: await teacher.context().storageState() })).newPage();
  const koErrors = watchConsole(ko);
  await ko.goto(`${new URL(teacher.url()).pathname}/projector`);
  await expect(ko.getByTestId("xor-class-points")).toHaveText("반이 찍은 점 (3개): 어떤 직선으로도 나눌 수 없으므로 퍼셉트론 하나로는 안 되고 은닉층이 필요합니다.");
  await expect(ko.getByTestId("xor-net-count")).toContainText("학생 1명 중 1명이 은닉층으로 반의 점을 모두 맞혔습니다.");
  await expect(ko.getByTestId("xor-hidden-lines").getByTestId("chart-summary")).toContainText("반의 점 3개: 클래스 1은 (0.5, 0.5); 클래스 0은 (0.2, 0.2), (0.8, 0.8)");

  expect(errors).toEqual([]);
  expect(studentErrors).toEqual([]);
  expect(projectorErrors).toEqual([]);
  expect(koErrors).toEqual([]);
});
