// The instructor's live board as the instructor sees it, with students acting through real sockets
// from the test process (joined through POST /api/join): tiles, statuses, scores graded
// by the server, the class overlay, counters, the read-only student view and projector mode.
import { expect, test, type Page } from "@playwright/test";
import { contrastOf, describedBy, newPage, signUpInstructor, watchConsole } from "./helpers";
import type { TestSocket } from "../server/testing/sockets";
import { boardWithStudents, gateRun } from "./live-sockets";
import { train } from "../lib/nn/perceptron";
import { expectedAnswer } from "../lib/grading/questions";
import { ACTIVATION_CHOICES } from "../lib/lessons/exercises";

const sockets: TestSocket[] = [];
test.afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

const tile = (page: Page, name: string) => page.getByTestId("tile").filter({ has: page.getByTestId("tile-name").getByText(name, { exact: true }) });

test("the board shows live tiles, server scores, the class overlay, a student's live view and projector mode", async ({ browser, baseURL }) => {
  const { teacher, errors, sessionId, exercise, control, students } = await boardWithStudents(browser, baseURL!, sockets, "en", ["Ana", "Ben", "Cy"]);
  const [ana, ben, cy] = students;

  // Students who enter after the board opened appear without a reload.
  await expect(teacher.getByTestId("tile")).toHaveCount(3);
  await expect(teacher.getByTestId("counters")).toContainText("3 joined / 0 submitted / 0 correct");
  await expect(tile(teacher, "Cy").getByTestId("tile-status")).toHaveText("○ Joined");

  expect(await control.emitWithAck("control:push", { sessionId, exerciseId: exercise("GATE") })).toEqual({ ok: true });
  await expect(teacher.getByTestId("current-exercise")).toHaveText("Exercise 2: Train a perceptron: AND");
  await expect(teacher.getByTestId("class-overlay").locator("line[data-line]")).toHaveCount(0);

  // Two students stream progress: a run part-way, each replayable from its settings.
  const runs = { Ana: gateRun(3), Ben: gateRun(9) };
  const progress = (s: TestSocket, run: ReturnType<typeof gateRun>, epoch: number) => {
    const part = gateRun(run.seed, epoch);
    s.emit("session:progress", { type: "GATE", sessionId, exerciseId: exercise("GATE"), gate: "AND", lr: run.lr, epochs: run.epochs, seed: run.seed, epoch, accuracy: part.accuracy, w: part.w, b: part.b });
  };
  progress(ana.socket, runs.Ana, 2);
  progress(ben.socket, runs.Ben, 2);
  await expect(tile(teacher, "Ana").getByTestId("tile-status")).toHaveText("◐ Working");
  await expect(tile(teacher, "Ben").getByTestId("tile-status")).toHaveText("◐ Working");
  await expect(tile(teacher, "Ana").getByTestId("tile-spark")).toHaveAttribute("data-points", "2");

  // Ana's live view: the trainer, replayed read-only from her settings, follows her progress.
  await tile(teacher, "Ana").click();
  const detail = teacher.getByTestId("student-detail");
  await expect(detail.getByRole("heading", { name: "Ana's work" })).toBeVisible();
  await expect(detail.getByTestId("readout-epoch")).toHaveText("Epoch 2");
  await expect(detail.getByTestId("readout-accuracy")).toHaveText(`Accuracy ${Math.round(gateRun(3, 2).accuracy * 100)}%`);
  await expect(detail.getByRole("button", { name: "Play" })).toBeDisabled();
  await teacher.waitForTimeout(300); // the server takes at most 10 progress messages a second per student
  progress(ana.socket, runs.Ana, 100);
  await expect(detail.getByTestId("readout-epoch")).toHaveText("Epoch 100");
  await expect(detail.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
  await teacher.keyboard.press("Escape");
  await expect(detail).toBeHidden();

  // Both submit replayable runs: the server grades them, the tiles show its scores.
  progress(ben.socket, runs.Ben, 100);
  // Both students' decision lines (which now separate the four points) on the class overlay.
  await expect(teacher.getByTestId("class-overlay").locator("line[data-line]")).toHaveCount(2);
  await expect(teacher.getByTestId("class-overlay").locator("svg[role=img]")).toHaveAttribute("aria-label", /2 students; 2 of them separate/);
  // and in words, under it (aria-describedby): the lines drawn, the separating ones, of the class.
  await expect(await describedBy(teacher.getByTestId("class-overlay"))).toHaveText("AND: 2 lines from 3 students, 2 separating all four points");
  // Cy trains exactly Ana's run: two identical lines still read as two students (side by side).
  progress(cy.socket, runs.Ana, 100);
  const overlay = teacher.getByTestId("class-overlay");
  await expect(overlay.locator("line[data-line]")).toHaveCount(3);
  await expect(await describedBy(overlay)).toHaveText("AND: 3 lines from 3 students, 3 separating all four points");
  await expect(overlay.locator('line[data-group="2"]')).toHaveCount(2);
  const xs = await overlay.locator('line[data-group="2"]').evaluateAll((ls) => ls.map((l) => [Number(l.getAttribute("x1")), Number(l.getAttribute("y1"))]));
  expect(Math.hypot(xs[0][0] - xs[1][0], xs[0][1] - xs[1][1])).toBeGreaterThanOrEqual(3);
  await expect(teacher.getByTestId("overlay-twins")).toHaveText("2 students have the same line as someone else: drawn side by side.");
  for (const [s, run] of [[ana.socket, runs.Ana], [ben.socket, runs.Ben]] as const) {
    const { gate, lr, epochs, seed, w, b } = run;
    const res = await s.emitWithAck("session:submit", { sessionId, exerciseId: exercise("GATE"), clientId: `board-${seed}-${Date.now()}`, payload: { gate, lr, epochs, seed, w, b } });
    expect(res).toMatchObject({ ok: true, result: { score: 10, correct: true } });
  }
  for (const name of ["Ana", "Ben"]) {
    await expect(tile(teacher, name).getByTestId("tile-score")).toHaveText("10 / 10");
    await expect(tile(teacher, name).getByTestId("tile-status")).toHaveText("✓ Correct");
    await expect(tile(teacher, name).getByTestId("tile-spark")).toHaveAttribute("aria-label", "Accuracy per epoch: 100% after 100 epochs.");
  }
  await expect(tile(teacher, "Cy").getByTestId("tile-score")).toHaveText("no answer yet");
  await expect(teacher.getByTestId("counters")).toContainText("3 joined / 2 submitted / 2 correct");

  // A student who leaves is greyed out with a status that says so.
  cy.socket.close();
  await expect(tile(teacher, "Cy").getByTestId("tile-status")).toHaveText("× Offline");
  await expect(tile(teacher, "Cy")).toHaveAttribute("data-status", "disconnected");
  // Its text still reads: at least 4.5:1 against the tile.
  expect(await contrastOf(tile(teacher, "Cy").getByTestId("tile-name"))).toBeGreaterThanOrEqual(4.5);
  expect(await contrastOf(tile(teacher, "Cy").getByTestId("tile-score").locator("span"))).toBeGreaterThanOrEqual(4.5);

  // The toolbar: the send button names what it sends; after a push it moves to the next exercise.
  const controls = teacher.getByTestId("session-controls");
  expect((await controls.boundingBox())!.height).toBeLessThan(200);
  await expect(teacher.getByTestId("push-button")).toHaveText("Send 3. The XOR puzzle");
  await teacher.getByTestId("push-button").click();
  await expect(teacher.getByTestId("current-exercise")).toHaveText("Exercise 3: The XOR puzzle");
  await expect(teacher.getByTestId("push-button")).toHaveText("Send 1. Activation functions");
  await expect(teacher.getByTestId("controls-result")).toHaveText("Done.");
  await expect(teacher.getByTestId("controls-result")).toHaveText("", { timeout: 8000 });
  // Back to the gate exercise (tiles keep their best results per exercise).
  await teacher.getByTestId("push-exercise").selectOption({ label: "2. Train a perceptron: AND" });
  await expect(teacher.getByTestId("push-button")).toHaveText("Send 2. Train a perceptron: AND");
  await teacher.getByTestId("push-button").click();
  await expect(teacher.getByTestId("current-exercise")).toHaveText("Exercise 2: Train a perceptron: AND");
  // Removing a student: nobody is chosen until the instructor picks one.
  await controls.getByText("More").click();
  await expect(teacher.getByTestId("kick-select")).toHaveValue("");
  await expect(controls.getByRole("button", { name: "Remove", exact: true })).toBeDisabled();
  await teacher.getByTestId("kick-select").selectOption({ label: "Ben" });
  await expect(controls.getByRole("button", { name: "Remove Ben" })).toBeEnabled();
  await teacher.getByTestId("kick-select").selectOption("");
  await controls.getByText("More").click();

  // Controls on the page go through the same socket (pause, then resume).
  await teacher.getByRole("button", { name: /^pause/i }).click();
  await expect(teacher.getByTestId("paused")).toBeVisible();
  await teacher.getByRole("button", { name: /^resume/i }).click();
  await expect(teacher.getByTestId("paused")).toBeHidden();

  // Projector mode: nicknames disappear, stable aliases take their place; the view keeps working.
  const board = teacher.locator(".bd-board");
  await teacher.getByRole("switch", { name: "Projector mode: hide names" }).click();
  for (const name of ["Ana", "Ben", "Cy"]) await expect(board).not.toContainText(name);
  await expect(teacher.getByTestId("tile-name")).toHaveText(["Student 1", "Student 2", "Student 3"]);
  await teacher.getByRole("combobox", { name: "Aliases" }).selectOption("animal");
  await expect(teacher.getByTestId("tile-name")).toHaveText(["Otter", "Fox", "Owl"]);
  const scored = teacher.getByTestId("tile").filter({ hasText: "10 / 10" }).first();
  await scored.focus();
  await teacher.keyboard.press("Enter");
  await expect(detail.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
  await expect(detail).not.toContainText("Ana");
  await expect(detail).not.toContainText("Ben");
  await detail.getByRole("button", { name: "Close" }).click();
  await expect(detail).toBeHidden();

  // The projector page hides names by default.
  const projector = await teacher.context().newPage();
  const projectorErrors = watchConsole(projector);
  await projector.goto(`/sessions/${sessionId}/projector`);
  await expect(projector.getByTestId("tile-name")).toHaveText(["Student 1", "Student 2", "Student 3"]);
  await expect(projector.locator(".bd-board")).not.toContainText("Ana");
  await expect(projector.getByTestId("counters")).toContainText("3 joined / 2 submitted / 2 correct");
  // Full screen: no site header, no sign-out, no language switch, no controls; type for the back of the room.
  await expect(projector.locator("header.header")).toBeHidden();
  await expect(projector.getByRole("button", { name: /sign out/i })).toBeHidden();
  await expect(projector.getByRole("combobox", { name: "Language" })).toBeHidden();
  await expect(projector.getByTestId("session-controls")).toHaveCount(0);
  await expect(projector.getByTestId("fullscreen")).toBeVisible();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  const tick = projector.getByTestId("accuracy-now").locator(".tick text").first();
  expect((await tick.boundingBox())!.height).toBeGreaterThanOrEqual(18);

  expect(errors).toEqual([]);
  expect(projectorErrors).toEqual([]);
});

test("XOR and activation views, in Korean; other people cannot open the board", async ({ browser, baseURL }) => {
  const { teacher, errors, sessionId, exercise, control, students } = await boardWithStudents(browser, baseURL!, sockets, "ko", ["하늘", "바다", "별"]);
  await expect(teacher.getByTestId("counters")).toContainText("3명 참여 / 0명 제출 / 0명 정답");

  // XOR: two answers (one right explanation, one wrong), a third student still training.
  await control.emitWithAck("control:push", { sessionId, exerciseId: exercise("XOR") });
  await expect(teacher.getByTestId("current-exercise")).toHaveText("연습 3: XOR 문제");
  const xor = (seed: number) => {
    const r = train({ gate: "XOR", lr: 0.1, epochs: 40, seed });
    return { lr: 0.1, epochs: 40, seed, bestAccuracy: r.bestAccuracy, w: r.final.w, b: r.final.b };
  };
  const [a, b, c] = students.map((s) => s.socket);
  const third = xor(7);
  c.emit("session:progress", { type: "XOR", sessionId, exerciseId: exercise("XOR"), lr: 0.1, epochs: 40, seed: 7, epoch: 40, accuracy: 0.5, bestAccuracy: third.bestAccuracy, w: third.w, b: third.b });
  for (const [s, seed, explanation] of [[a, 1, "notSeparable"], [b, 2, "lrTooSmall"]] as const) {
    const run = xor(seed);
    const res = await s.emitWithAck("session:submit", { sessionId, exerciseId: exercise("XOR"), clientId: `xor-${seed}-${Date.now()}`, payload: { lr: run.lr, epochs: run.epochs, seed, bestAccuracy: run.bestAccuracy, explanation } });
    expect(res).toMatchObject({ ok: true, result: { correct: explanation === "notSeparable" } });
  }
  const expl = teacher.getByTestId("xor-explanations");
  await expect(expl.locator('rect[data-explanation="notSeparable"]')).toHaveAttribute("data-count", "1");
  await expect(expl.locator('rect[data-explanation="lrTooSmall"]')).toHaveAttribute("data-count", "1");
  await expect(expl).toContainText("XOR은"); // the Korean text of the explanations
  // legible on a laptop board: the labels' rendered size (CSS size x the chart's scale) is at least 11 px
  const labelPx = await expl.locator("svg[role=img]").evaluate((svg: SVGSVGElement) => {
    const text = svg.querySelector("text.bd-label")!;
    return parseFloat(getComputedStyle(text).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  });
  expect(labelPx).toBeGreaterThanOrEqual(11);
  const bests = [xor(1), xor(2), third].map((r) => r.bestAccuracy);
  const at75 = bests.filter((v) => v === 0.75).length;
  await expect(teacher.getByTestId("xor-accuracy").locator("rect[data-count]").nth(3)).toHaveAttribute("data-count", String(at75));
  await expect(teacher.getByTestId("counters")).toContainText("3명 참여 / 2명 제출 / 1명 정답");
  await expect(teacher.getByTestId("tile").filter({ hasText: "바다" }).getByTestId("tile-status")).toHaveText("● 제출함");

  // The activation explorer: who looks at which function, and the share of right answers.
  await control.emitWithAck("control:push", { sessionId, exerciseId: exercise("ACTIVATION") });
  await expect(teacher.getByTestId("current-exercise")).toHaveText("연습 1: 활성화 함수");
  for (const s of [a, b]) s.emit("session:progress", { type: "ACTIVATION", sessionId, exerciseId: exercise("ACTIVATION"), activation: "relu", threshold: 0, alpha: 0.01 });
  // The third student has only opened the explorer (its first function, default settings): not a choice.
  c.emit("session:progress", { type: "ACTIVATION", sessionId, exerciseId: exercise("ACTIVATION"), activation: "step", threshold: 0, alpha: 0.01 });
  await expect(teacher.getByTestId("activation-bars").locator('rect[data-activation="relu"]')).toHaveAttribute("data-count", "2");
  await expect(teacher.getByTestId("activation-untouched")).toHaveText("아직 처음 화면 그대로인 학생 1명은 세지 않았습니다.");
  await expect(teacher.getByTestId("activation-bars").locator('rect[data-activation="step"]')).toHaveAttribute("data-count", "0");
  // ...and says so in words, from the same counts.
  await expect(teacher.getByTestId("activation-bars").getByTestId("chart-summary")).toContainText("선택한 활성화 함수: 이진 계단 0");
  await expect(teacher.getByTestId("activation-bars").getByTestId("chart-summary")).toContainText("합계 2; 가장 많음: ReLU (2)");
  const right = expectedAnswer("saturatesBothSides", ACTIVATION_CHOICES);
  const res = await a.emitWithAck("session:submit", { sessionId, exerciseId: exercise("ACTIVATION"), clientId: `act-${Date.now()}`, payload: { question: "saturatesBothSides", selected: right } });
  expect(res).toMatchObject({ ok: true, result: { correct: true } });
  await expect(teacher.getByTestId("activation-answers")).toContainText("답안 1개 중 1개 정답");

  // The read-only explorer for one student.
  await teacher.getByTestId("tile").filter({ hasText: "하늘" }).click();
  await expect(teacher.getByTestId("student-detail").getByRole("heading", { name: "하늘의 작업" })).toBeVisible();
  await teacher.keyboard.press("Escape");

  // A student, and a signed-out visitor, cannot see the board.
  const visitor = await newPage(browser);
  await visitor.goto(`/sessions/${sessionId}`);
  await expect(visitor).toHaveURL(/\/signin/);
  const other = await newPage(browser);
  await signUpInstructor(other);
  const res404 = await other.goto(`/sessions/${sessionId}`);
  expect(res404?.status()).toBe(404);

  expect(errors).toEqual([]);
});
