// The gate trainer as a student uses it: one perceptron learns AND in the browser, step by step or
// played at speed, and the local check replays the run.
import { expect, test, type Page } from "@playwright/test";
import { newPage, playFast, watchConsole } from "./helpers";

const progress = (page: Page) => page.getByRole("progressbar", { name: "Training progress" });

test("Play trains AND to 100%, the progress bar and the charts follow, and the check passes", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/practice/gate");
  await expect(page.getByRole("heading", { name: "Train a perceptron" })).toBeVisible();
  await expect(page.getByTestId("readout-epoch")).toHaveText("Epoch 0");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", "0");
  const accuracyChart = page.getByTestId("accuracy-chart");
  await expect(accuracyChart.locator("g.x .tick").last()).toHaveText("10");

  await page.getByLabel("Epochs", { exact: true }).fill("300");
  await page.getByLabel("Random seed", { exact: true }).fill("1");
  await page.getByTestId("speed").fill("5");
  await expect(page.getByText("5000 epochs per second")).toBeVisible();
  await page.getByRole("button", { name: "Play" }).click();
  await expect(progress(page)).toHaveAttribute("aria-valuenow", "300");
  await expect(page.getByText("Epoch 300 of 300", { exact: true })).toBeVisible();
  await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
  await expect(accuracyChart.locator("g.x .tick").last()).toHaveText("300");
  await expect(accuracyChart.locator("svg")).toHaveAttribute("aria-label", /300 epochs done, latest 100%/);
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();

  await page.getByRole("button", { name: "Check my perceptron" }).click();
  await expect(page.getByTestId("check-feedback")).toContainText("Correct!");

  // Another gate starts a new run, and the old feedback goes away.
  await page.getByRole("combobox", { name: "Gate" }).selectOption("OR");
  await expect(page.getByTestId("readout-epoch")).toHaveText("Epoch 0");
  await expect(page.getByTestId("check-feedback")).toHaveText("");
  expect(errors).toEqual([]);
});

test("Step one sample applies the rule once; a few epochs are not enough yet", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/practice/gate");
  const b = page.getByTestId("readout-b");
  await expect(b).toHaveText("b = 1.8885");
  await expect(page.getByRole("button", { name: "Check my perceptron" })).toBeDisabled();

  // Seed 1 starts with b > 0, so (0, 0) is wrongly answered 1 and the bias moves by -0.01.
  await page.getByRole("button", { name: "Step one sample" }).click();
  await expect(b).toHaveText("b = 1.8785");
  await expect(page.getByTestId("readout-step")).toContainText("Last sample (0, 0): target 0, prediction 1, error −1.");
  await expect(page.getByTestId("readout-epoch")).toHaveText("Epoch 0");

  for (let k = 0; k < 3; k++) await page.getByRole("button", { name: "Step one epoch" }).click();
  await expect(page.getByTestId("readout-epoch")).toHaveText("Epoch 3");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", "3");
  await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 0%");
  await page.getByRole("button", { name: "Check my perceptron" }).click();
  await expect(page.getByTestId("check-feedback")).toContainText("Not yet");

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(b).toHaveText("b = 1.8885");

  // A two-epoch run: the epoch axis counts whole epochs (no "0.5" shown as "500m").
  await page.getByLabel("Epochs", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Step one epoch" }).click();
  const ticks = page.getByTestId("accuracy-chart").locator("g.x .tick text");
  await expect(ticks).toHaveText(["0", "1", "2"]);
  expect(errors).toEqual([]);
});

test("Play and Pause work from the keyboard alone", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/practice/gate");
  // the controls are disabled until the page's script runs (a keypress before it would be lost), and Tab skips them until then
  await expect(page.getByRole("button", { name: "Play" })).toBeEnabled();
  await page.getByLabel("Random seed", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "New seed" })).toBeFocused();
  await page.keyboard.press("Tab");
  const play = page.getByRole("button", { name: "Play" });
  await expect(play).toBeFocused();
  await page.keyboard.press("Enter");
  const pause = page.getByRole("button", { name: "Pause" });
  await expect(pause).toBeFocused();
  await expect.poll(async () => Number(await progress(page).getAttribute("aria-valuenow"))).toBeGreaterThan(20);
  await page.keyboard.press("Space");
  await expect(play).toBeFocused();
  const stopped = await progress(page).getAttribute("aria-valuenow");
  await page.waitForTimeout(400);
  await expect(progress(page)).toHaveAttribute("aria-valuenow", stopped!);
  expect(Number(stopped)).toBeLessThan(1000);

  // The speed slider answers to arrow keys.
  await page.getByTestId("speed").focus();
  await page.keyboard.press("End");
  await expect(page.getByText("5000 epochs per second")).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a 390 px phone, in Korean, the panels stack without sideways scrolling", async ({ browser }) => {
  const page = await newPage(browser, "ko-KR", { width: 390, height: 844 });
  const errors = watchConsole(page);
  await page.goto("/practice/gate");
  await expect(page.getByRole("heading", { name: "퍼셉트론 훈련하기" })).toBeVisible();
  await page.getByRole("button", { name: "에포크 하나 진행" }).click();
  await expect(page.getByTestId("readout-epoch")).toHaveText("에포크 1");
  await expect(page.getByTestId("readout-accuracy")).toContainText("정확도");
  const map = page.getByTestId("decision-map");
  const chart = page.getByTestId("accuracy-chart");
  const [m, c] = [await map.boundingBox(), await chart.boundingBox()];
  expect(m!.width).toBeLessThanOrEqual(390);
  expect(c!.y).toBeGreaterThan(m!.y + m!.height - 1); // stacked, not side by side
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
  expect(errors).toEqual([]);
});

test("with reduced motion, Play shows the run's end at once and nothing on the page transitions", async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/practice/gate");
  await expect(page.getByTestId("speed")).toHaveValue("5"); // the fastest speed
  await page.getByLabel("Epochs", { exact: true }).fill("1000");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(progress(page)).toHaveAttribute("aria-valuenow", "1000", { timeout: 3_000 });
  // The 3D view's slider and every button: no transition or animation longer than a blink.
  const longest = await page.evaluate(() => Math.max(...[...document.querySelectorAll("button, input, a, span")].map((el) => {
    const cs = getComputedStyle(el);
    return Math.max(parseFloat(cs.transitionDuration) || 0, parseFloat(cs.animationDuration) || 0);
  })));
  expect(longest).toBeLessThan(0.001);
  expect(errors).toEqual([]);
});

test("the class's own points: placed by click and by keyboard, checked for separability, and a link that reproduces the run", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 1000 });
  const errors = watchConsole(page);
  await page.goto("/practice/gate?gate=AND&lr=0.5&epochs=200&seed=7");
  await page.waitForLoadState("networkidle");
  // a click before the page has hydrated is undone by React: tick again until the page follows
  await expect(async () => { await page.getByTestId("use-points").check({ timeout: 2000 }); }).toPass({ timeout: 30_000 });
  const editor = page.getByTestId("point-editor");
  await expect(editor.getByTestId("point-0")).toContainText("(0.20, 0.20), output 0");
  await expect(editor.getByTestId("points-separable")).toContainText("Linearly separable: yes");
  // a click on the square's top-left corner area adds an output-1 point there
  const square = editor.getByTestId("point-square");
  const box = (await square.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await expect(editor.getByTestId("point-2")).toContainText("output 1");
  // by keyboard: add a point, move it right and down, make it output 0
  await editor.getByRole("button", { name: "Add a point" }).click();
  const added = editor.getByTestId("point-3");
  await expect(added).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("c");
  await expect(added).toContainText("(0.60, 0.45), output 0");
  await expect(page).toHaveURL(/pts=20\.20\.0_80\.80\.1_\d+\.\d+\.1_60\.45\.0/);

  // an XOR-like set: no line separates it, and the page says so
  await added.press("Delete");
  await editor.getByTestId("point-1").focus();
  await page.keyboard.press("c"); // (0.8, 0.8) becomes output 0: 0 at (0.2,0.2) and (0.8,0.8), 1 at the click
  await editor.getByRole("button", { name: "Add a point" }).click();
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown"); // (0.8, 0.2), output 1
  await expect(editor.getByTestId("point-3")).toContainText("(0.80, 0.20), output 1");
  await expect(editor.getByTestId("points-separable")).toContainText("Linearly separable: no");

  // a separable set from a link: trained to 100%, and the shared link replays the same weights elsewhere
  const link = "/practice/gate?gate=AND&lr=0.5&epochs=200&seed=7&pts=10.10.0_20.80.1_80.20.0_90.90.1_40.60.1_60.30.0";
  await page.goto(link);
  await expect(page.getByTestId("point-editor").getByTestId("point-5")).toContainText("(0.60, 0.30), output 0");
  await page.getByTestId("speed").fill("5");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByText("Epoch 200 of 200", { exact: true })).toBeVisible();
  await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");
  await expect(page.getByTestId("points-separated")).toHaveText("One perceptron separated them: accuracy 100%.");
  await page.getByRole("button", { name: "Check my perceptron" }).click();
  await expect(page.getByTestId("check-feedback")).toContainText("Correct!");
  const weights = async (p: Page) => Promise.all(["readout-w1", "readout-w2", "readout-b"].map((id) => p.getByTestId(id).textContent()));
  const first = await weights(page);
  await page.getByTestId("share-run").click();
  const href = await page.getByTestId("share-link").getAttribute("href");
  expect(href).toContain("pts=10.10.0_20.80.1_80.20.0_90.90.1_40.60.1_60.30.0");

  const korean = await newPage(browser, "ko-KR");
  await korean.goto(href!);
  await expect(korean.getByTestId("point-editor")).toContainText("선형 분리 가능: 예");
  const other = await newPage(browser, "en-US");
  await other.goto(href!);
  await playFast(other);
  await expect(other.getByTestId("readout-epoch")).toContainText("200");
  expect(await weights(other)).toEqual(first);
  expect(errors).toEqual([]);
});
