// The XOR proof in a live class, every person in a real browser: two students try XOR with one
// perceptron, the board states the class result with their best lines; the instructor unlocks the
// hidden layer, a student trains it to 100% and submits, the server replays the run and the board
// counts them (and draws their two hidden-unit lines).
import { expect, test, type Page, type WebSocket } from "@playwright/test";
import { createClass, joinClass, newPage, signUpInstructor, watchConsole } from "./helpers";

async function tryXor(page: Page, seed: string) {
  await page.getByLabel("Learning rate", { exact: true }).fill("0.1");
  await page.getByLabel("Epochs", { exact: true }).fill("300");
  await page.getByLabel("Random seed", { exact: true }).fill(seed);
  await page.getByTestId("speed").fill("5");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", "300");
  await page.getByLabel(/XOR is not linearly separable/).check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByTestId("submission-status")).toBeVisible();
}

/**
 * The socket.io connections a page opened, and those still open (one WebSocket each). Counted by
 * WebSocket, not by URL: a connection that opens as a WebSocket first has no session id in its URL,
 * so every connection of a page has the same one.
 */
function socketsOf(page: Page) {
  const open = new Set<WebSocket>();
  let opened = 0;
  page.on("websocket", (ws) => {
    if (!ws.url().includes("/socket.io/")) return;
    opened += 1;
    open.add(ws);
    ws.on("close", () => open.delete(ws));
  });
  return { open: () => open.size, opened: () => opened };
}

test("XOR with one perceptron, the class result, the unlock, a hidden layer solving XOR counted on the board", async ({ browser }) => {
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  const teacherSockets = socketsOf(teacher);
  await signUpInstructor(teacher);
  const { code } = await createClass(teacher, "XOR proof");
  const students: Page[] = [];
  const studentErrors: string[][] = [];
  for (const name of ["Ana", "Ben"]) {
    const page = await newPage(browser);
    studentErrors.push(watchConsole(page));
    students.push(page);
    await joinClass(page, code, name);
  }
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await expect(teacher).toHaveURL(/\/sessions\/[^/]+$/);
  for (const page of students) {
    await page.getByRole("link", { name: "Enter the live session" }).click();
    await expect(page.getByTestId("waiting")).toBeVisible();
  }
  await expect(teacher.getByTestId("tile")).toHaveCount(2);
  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "3. The XOR puzzle" });
  await teacher.getByRole("button", { name: "Send 3. The XOR puzzle" }).click();
  await expect(teacher.getByTestId("xor-class-result")).toHaveText("No single perceptron has been tried on XOR yet.");

  // Both try XOR with one perceptron; the live exercise offers no hidden layer before the unlock.
  const [ana, ben] = students;
  await expect(ana.getByRole("heading", { name: "Exercise 3: The XOR puzzle" })).toBeVisible();
  await expect(ana.getByTestId("xor-hidden-layer")).toHaveCount(0);
  await tryXor(ana, "1");
  await tryXor(ben, "2");

  // The board states the class result from the server-graded, replayed runs, with both best lines.
  await expect(teacher.getByTestId("xor-class-result")).toHaveText("0 of 2 single perceptrons reached 100%; the best reached 75%.");
  await expect(teacher.getByTestId("xor-best-lines").locator("g.lines line")).toHaveCount(2);
  await expect(teacher.getByTestId("xor-best-lines").getByTestId("chart-summary")).toContainText("XOR: 2 lines from 2 students, 0 separating all four points; missed most:");
  // The board and its XOR panel share one socket: the tab holds exactly one connection.
  await expect.poll(() => teacherSockets.open()).toBe(1);
  // The projector view states it too, without the control.
  const projector = await teacher.context().newPage();
  const projectorErrors = watchConsole(projector);
  const projectorSockets = socketsOf(projector);
  await projector.goto(`${new URL(teacher.url()).pathname}/projector`);
  await expect(projector.getByTestId("xor-class-result")).toHaveText("0 of 2 single perceptrons reached 100%; the best reached 75%.");
  await expect(projector.getByTestId("xor-unlock")).toHaveCount(0);

  // The instructor unlocks the next step for everyone.
  await teacher.getByTestId("xor-unlock").click();
  await expect(teacher.getByTestId("xor-net-count")).toContainText("Hidden layer unlocked");
  await expect(teacher.getByTestId("xor-net-count")).toContainText("No two-layer run submitted yet.");
  for (const page of students) await expect(page.getByTestId("xor-hidden-layer")).toBeVisible();

  // Ana trains the 2-2-1 net (seed 1, sigmoid) to 100% and submits; the server replays it.
  const net = ana.getByTestId("xor-hidden-layer");
  await expect(net.getByTestId("net-accuracy")).toContainText("100%", { timeout: 30_000 });
  await expect(net.getByRole("button", { name: "Play" })).toBeDisabled(); // the run is over (3000 epochs)
  await net.getByTestId("net-submit").click();
  await expect(net.getByTestId("net-result")).toHaveText("Accepted: the server's replay solved XOR (100%).");

  // The board counts her and draws her two hidden-unit lines.
  await expect(teacher.getByTestId("xor-net-count")).toContainText("1 of 1 student solved XOR with one hidden layer.");
  await expect(teacher.getByTestId("xor-hidden-lines").locator("g.lines line")).toHaveCount(2);
  await expect(teacher.getByTestId("xor-hidden-lines").getByTestId("chart-summary")).toContainText("2 hidden-unit lines from 1 network, 1 solved XOR; the lines set apart:");
  await expect(projector.getByTestId("xor-net-count")).toContainText("1 of 1 student solved XOR with one hidden layer.");
  // The projector tab opened one socket, and the XOR deltas reached it on that one.
  expect(projectorSockets.opened()).toBe(1);
  expect(projectorSockets.open()).toBe(1);
  expect(teacherSockets.open()).toBe(1);
  // The class result stays on the board.
  await expect(teacher.getByTestId("xor-class-result")).toHaveText("0 of 2 single perceptrons reached 100%; the best reached 75%.");

  expect(errors).toEqual([]);
  expect(projectorErrors).toEqual([]);
  for (const e of studentErrors) expect(e).toEqual([]);
});
