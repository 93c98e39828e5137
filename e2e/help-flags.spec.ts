// Live help flags on the instructor's board: students on real sockets from the test process (one
// streams a real run at learning rate 10, one stays idle); the instructor opens "Needs help", reads
// the reasons, opens a student's live view from the list with the keyboard, and the projector (in
// Korean) shows the counts per reason without any name. The page's clock (Date only; timers run)
// is moved forward for the idle rule instead of waiting a minute.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createClass, newPage, signUpInstructor, watchConsole } from "./helpers";
import type { TestSocket } from "../server/testing/sockets";
import { enteredStudent, startedWithControl } from "./live-sockets";
import { train } from "../lib/nn/perceptron";
import { IDLE_MS } from "../lib/board/help-flags";

const sockets: TestSocket[] = [];
test.afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** Serious or critical axe violations inside one part of the page. */
async function axe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

const tile = (page: Page, name: string) => page.getByTestId("tile").filter({ has: page.getByTestId("tile-name").getByText(name, { exact: true }) });
const entry = (page: Page, name: string) => page.getByTestId("help-entry").filter({ has: page.getByTestId("help-name").getByText(name, { exact: true }) });

test("the board lists who needs help and why; the projector counts them without names", async ({ browser, baseURL }) => {
  const base = baseURL!;
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, "Help 101");
  const { sessionId, exerciseOf, control } = await startedWithControl(teacher, base, classId, sockets);
  const gate = exerciseOf("GATE");

  const t0 = Date.now();
  await teacher.clock.setFixedTime(t0);
  await teacher.goto(`/sessions/${sessionId}`);
  await expect(teacher.getByRole("heading", { name: "Help 101" })).toBeVisible();

  const student = (nickname: string) => enteredStudent(base, code, sessionId, nickname, sockets);
  const dara = await student("Dara");
  await student("Ivo");
  expect(await control.emitWithAck("control:push", { sessionId, exerciseId: gate })).toEqual({ ok: true });
  await expect(teacher.getByTestId("tile")).toHaveCount(2);

  // Dara trains AND at learning rate 10, epoch by epoch: a real run, as her trainer streams it.
  const run = { gate: "AND" as const, lr: 10, epochs: 1000, seed: 1 };
  for (const h of train({ ...run, epochs: 4 }).history) {
    dara.emit("session:progress", { type: "GATE", sessionId, exerciseId: gate, ...run, epoch: h.epoch + 1, accuracy: h.accuracy, w: h.w, b: h.b });
    await teacher.waitForTimeout(150);
  }

  const toggle = teacher.getByTestId("help-toggle");
  await expect(toggle).toHaveText(/Needs help \(1\)/);
  await toggle.focus();
  await teacher.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const list = teacher.getByTestId("help-list");
  await expect(entry(teacher, "Dara").getByTestId("help-reason")).toHaveText(/Unstable training: the weights grew to [\d.]+× their starting size while below 100%/);
  await expect(entry(teacher, "Ivo")).toHaveCount(0);
  // Her tile carries the mark, a flag and words (the reason for screen readers); Ivo's none.
  await expect(tile(teacher, "Dara").getByTestId("tile-flag")).toBeVisible();
  expect(await tile(teacher, "Dara").getByTestId("tile-flag").locator("[aria-hidden=true]").innerText()).toBe("⚑ Needs help");
  await expect(teacher.getByRole("button", { name: /^Dara Working needs help: Unstable training/ })).toBeVisible();
  await expect(tile(teacher, "Ivo").getByTestId("tile-flag")).toHaveCount(0);
  // The rules are stated with their thresholds.
  await list.getByText("When is a student flagged?").click();
  await expect(list.getByTestId("help-rules")).toContainText("nothing streamed for 60 s");
  await expect(list.getByTestId("help-rules")).toContainText("changed direction at least 4 times in the last 10 epochs");

  // A minute later (page clock) Ivo, who never trained, has made no progress.
  await teacher.clock.setFixedTime(t0 + IDLE_MS + 1000);
  await expect(entry(teacher, "Ivo").getByTestId("help-reason")).toHaveText(/No progress for 60 s or more/, { timeout: 15_000 });
  await expect(entry(teacher, "Ivo")).toContainText(/ago\)/);
  await expect(toggle).toHaveText(/Needs help \(2\)/);
  await expect(teacher.getByRole("button", { name: /^Ivo .*needs help: No progress/ })).toBeVisible();
  expect(await axe(teacher, ".hl")).toEqual([]);

  // The keyboard opens Ivo's live view from the list, as a tile click does; Escape closes it.
  await entry(teacher, "Ivo").focus();
  await teacher.keyboard.press("Enter");
  const detail = teacher.getByTestId("student-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("heading", { name: /Ivo/ })).toBeVisible();
  await teacher.keyboard.press("Escape");
  await expect(detail).toBeHidden();
  // Escape in the list closes it and gives the focus back to its button.
  await entry(teacher, "Dara").focus();
  await teacher.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();

  // The projector, in Korean: counts per reason, no names anywhere.
  const projector = await teacher.context().newPage();
  await teacher.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: base }]);
  const t1 = Date.now();
  await projector.clock.setFixedTime(t1);
  await projector.goto(`/sessions/${sessionId}/projector`);
  const counts = projector.getByTestId("help-counts");
  await expect(counts.locator('[data-reason="unstable"]')).toHaveText(/불안정한 학습\s*1/);
  await projector.clock.setFixedTime(t1 + IDLE_MS + 1000);
  await expect(counts.locator('[data-reason="idle"]')).toHaveText(/진행 없음\s*2/, { timeout: 15_000 });
  await expect(counts.getByTestId("help-total")).toHaveText("2명");
  await expect(projector.getByTestId("help-list")).toHaveCount(0);
  await expect(projector.getByTestId("help-toggle")).toHaveCount(0);
  const text = await projector.locator("body").innerText();
  expect(text).not.toContain("Dara");
  expect(text).not.toContain("Ivo");
  expect(await axe(projector, "[data-testid=help-counts]")).toEqual([]);
  // The projector's tiles carry no mark (it would name who); the board's do, in Korean too.
  await expect(projector.getByTestId("tile-flag")).toHaveCount(0);
  await teacher.reload();
  await expect(teacher.getByRole("button", { name: /^Dara .*도움 필요: 불안정한 학습/ })).toBeVisible();
  expect(await tile(teacher, "Dara").getByTestId("tile-flag").locator("[aria-hidden=true]").innerText()).toBe("⚑ 도움 필요");
  expect(await axe(teacher, "[data-testid=tiles]")).toEqual([]);
  // Legible from the back of the room.
  const size = await counts.locator("li").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  expect(errors).toEqual([]);
});
