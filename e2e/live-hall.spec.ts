// A lecture hall on the board: 64 students, more than a class's tiles, so the board shows the class
// first and a dense grid of students, filtered by status, searched by name, a click opening one.
// Students act through real sockets from the test process (e2e/live-sockets.ts).
import { expect, test, type Page } from "@playwright/test";
import { createClass, newPage, signUpInstructor, watchConsole } from "./helpers";
import type { TestSocket } from "../server/testing/sockets";
import { enteredStudent, gateRun } from "./live-sockets";

const sockets: TestSocket[] = [];
test.afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** The share of the class overlay's density pixels that are inked (not fully transparent). */
function inkedShare(page: Page): Promise<number> {
  return page.getByTestId("class-overlay").locator("canvas").evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    return n / (px.length / 4);
  });
}

test("a lecture hall: the class first, a dense grid filtered by status and searched by name, a click opens a student", async ({ browser, baseURL }) => {
  test.setTimeout(180_000); // 64 students sign in and enter first
  const base = baseURL!;
  const teacher = await newPage(browser, "en-US", { width: 1366, height: 900 });
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, "Hall 1");
  const lessons = (await (await teacher.request.get("/api/lessons")).json()) as { lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] };
  const lesson = lessons.lessons.find((l) => l.slug === "activation-basics")!;
  const { id: sessionId } = (await (await teacher.request.post(`/api/classes/${classId}/sessions`, { data: { lessonId: lesson.id } })).json()) as { id: string };
  const gate = lesson.exercises.find((e) => e.type === "GATE")!.id;

  // 64 students (above the 60 of a class) join over HTTP and enter with their own sockets.
  const N = 64;
  const students: TestSocket[] = [];
  for (let i = 0; i < N; i += 10) {
    students.push(...await Promise.all(Array.from({ length: Math.min(10, N - i) }, (_, k) => enteredStudent(base, code, sessionId, `Hall ${String(i + k + 1).padStart(2, "0")}`, sockets))));
  }
  await teacher.goto(`/sessions/${sessionId}`);
  await teacher.getByTestId("push-exercise").selectOption({ label: "2. Train a perceptron: AND" });
  await teacher.getByTestId("push-button").click();
  await expect(teacher.getByTestId("current-exercise")).toHaveText("Exercise 2: Train a perceptron: AND");

  // The dense grid replaces the tiles; the class view comes first, above the students.
  const grid = teacher.getByTestId("student-grid");
  await expect(grid).toHaveAttribute("data-count", String(N));
  await expect(teacher.getByTestId("tiles")).toHaveCount(0);
  await expect(teacher.getByTestId("counters")).toContainText(`${N} joined / 0 submitted / 0 correct`);
  const overlayBox = (await teacher.getByTestId("class-overlay").boundingBox())!;
  expect(overlayBox.y).toBeLessThan((await grid.boundingBox())!.y);
  expect(overlayBox.y).toBeLessThan(700);
  await expect(teacher.getByTestId("class-overlay")).toHaveAttribute("data-mode", "density");

  // 20 students stream a run: the grid, the bands and the density overlay follow.
  for (let i = 0; i < 20; i++) {
    const run = gateRun(100 + i, 60);
    students[i].emit("session:progress", { type: "GATE", sessionId, exerciseId: gate, gate: "AND", lr: run.lr, epochs: run.epochs, seed: run.seed, epoch: 60, accuracy: run.accuracy, w: run.w, b: run.b });
  }
  await expect(teacher.getByTestId("status-bands").locator('[data-status="working"]')).toHaveAttribute("data-count", "20");
  await expect(teacher.getByTestId("class-overlay")).toHaveAttribute("data-lines", "20");
  // A cell shows its student's accuracy and follows it (cells redraw only when what they show changes):
  // Hall 01 starts the run again, at 25% after 9 epochs (seed 100), then is back at 100% after 60.
  const hall01 = grid.locator('[data-testid="grid-cell"]', { hasText: "Hall 01" }).locator(".bd-cell-score");
  await expect(hall01).toHaveText("100%");
  const again = (epochs: number) => {
    const run = gateRun(100, epochs);
    students[0].emit("session:progress", { type: "GATE", sessionId, exerciseId: gate, gate: "AND", lr: run.lr, epochs: run.epochs, seed: run.seed, epoch: epochs, accuracy: run.accuracy, w: run.w, b: run.b });
  };
  again(9);
  await expect(hall01).toHaveText("25%");
  again(60);
  await expect(hall01).toHaveText("100%");
  // The density is drawn over the plotted square: cells with lines are inked, most are clear.
  const inked = await inkedShare(teacher);
  expect(inked).toBeGreaterThan(0.005);
  expect(inked).toBeLessThan(0.5);
  // It was drawn in a Web Worker (components/board/density.worker.ts), which the production build
  // bundles and the page's CSP lets start: the picture came back from the worker, not the fallback.
  expect(teacher.workers().length).toBeGreaterThan(0);
  await expect(teacher.getByTestId("class-overlay").locator("canvas")).toHaveAttribute("data-painter", "worker");
  const filters = teacher.getByTestId("student-filters");
  await filters.getByRole("button", { name: /^Working/ }).click();
  await expect(teacher.getByTestId("students-shown")).toHaveText(`20 students shown of ${N}`);
  await expect(grid.getByTestId("grid-cell")).toHaveCount(20);
  for (const status of await grid.getByTestId("grid-cell").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")))) expect(status).toBe("working");
  await filters.getByRole("button", { name: /^All/ }).click();
  await teacher.getByTestId("student-search").fill("hall 07");
  await expect(grid.getByTestId("grid-cell")).toHaveCount(1);
  await expect(grid.getByTestId("grid-name")).toHaveText("Hall 07");
  await grid.getByTestId("grid-cell").click();
  const detail = teacher.getByTestId("student-detail");
  await expect(detail.getByRole("heading", { name: "Hall 07's work" })).toBeVisible();
  await expect(detail.getByTestId("readout-epoch")).toHaveText("Epoch 60");
  await teacher.keyboard.press("Escape");
  await teacher.getByTestId("student-search").fill("");
  // Virtualised: far fewer cells in the page than students, the rest appear on scrolling.
  await expect(grid).toHaveAttribute("data-count", String(N));

  // The projector: the same grid, with aliases.
  // In a browser without Web Workers, the density is drawn on the page's own thread instead.
  const projector = await teacher.context().newPage();
  await projector.addInitScript(() => { delete (window as { Worker?: unknown }).Worker; });
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/sessions/${sessionId}/projector`);
  await expect(projector.getByTestId("student-grid")).toHaveAttribute("data-count", String(N));
  await expect.poll(() => inkedShare(projector)).toBeGreaterThan(0.005);
  expect(projector.workers()).toHaveLength(0);
  await expect(projector.getByTestId("class-overlay").locator("canvas")).toHaveAttribute("data-painter", "page");
  await expect(projector.getByTestId("grid-name").first()).toHaveText("Student 1");
  await expect(projector.locator("header.header")).toBeHidden();
  expect(errors).toEqual([]);
});
