// Every chart says in words what it shows, and the words follow the data: the explorer's panels as
// the activation changes, the trainer's decision map and accuracy curve as it trains; in en and ko.
import { expect, test } from "@playwright/test";
import { initialModel, train } from "../lib/nn/perceptron";
import { numberText } from "../lib/a11y/chart-text/sentences";
import { describedBy, newPage, watchConsole } from "./helpers";

test("the explorer's panels are described by sentences computed from the curve, with a data table", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/activation");
  const fn = page.getByTestId("function-panel");
  await expect(await describedBy(fn)).toHaveText("Binary step: jumps from 0 to 1 at x = 0");
  // Chosen again until the page has hydrated (a choice made before it is lost).
  await expect(async () => {
    await page.getByLabel("Activation function").selectOption("sigmoid");
    await expect(await describedBy(fn)).toHaveText("Sigmoid: rises from 0 to 1, steepest at x = 0 where the slope is 0.25; flat beyond ±5", { timeout: 1_000 });
  }).toPass();
  await expect(await describedBy(page.getByTestId("derivative-panel"))).toHaveText("slope of Sigmoid: rises from 0 to 0.25 at x = 0, then falls to 0; near 0 beyond ±5");
  await expect(await describedBy(page.getByTestId("samples-panel"))).toContainText("1000 samples from");
  await expect(await describedBy(page.getByTestId("activated-panel"))).toContainText(/after Sigmoid: 1000 values from 0\.\d+ to 0\.\d+; 80 % of them between .*; (no sample|\d+ samples?) flattened/);
  await expect(await describedBy(page.getByTestId("activated-image-panel"))).toContainText(/through Sigmoid: mean brightness \d+ %/);
  await page.getByLabel("Activation function").selectOption("relu");
  await expect(await describedBy(fn)).toHaveText("ReLU: rises from 0 to 9.99, steepest from x = 0 to 9.99 where the slope is 1; flat below 0");

  // The table on demand: a real table with a caption and column headers, the function's values.
  const toggle = fn.getByRole("button", { name: "Show the data table" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  const table = fn.getByRole("table", { name: "Function" });
  await expect(table.getByRole("columnheader")).toHaveText(["x", "f(x)"]);
  await expect(table.getByRole("row")).toHaveCount(41);
  await expect(table.getByRole("row", { name: "2 2" })).toBeVisible();
  await fn.getByRole("button", { name: "Hide the data table" }).click();
  await expect(table).toBeHidden();
  expect(errors).toEqual([]);
});

test("in Korean, the same sentence in Korean", async ({ browser }) => {
  const page = await newPage(browser, "ko-KR", { width: 1280, height: 900 });
  await page.goto("/practice/activation");
  await expect(async () => {
    await page.getByLabel("활성화 함수").selectOption("sigmoid");
    await expect(await describedBy(page.getByTestId("function-panel"))).toHaveText("시그모이드: 0에서 1까지 올라감, x = 0에서 가장 가파르고 기울기는 0.25; ±5 바깥에서는 평평함", { timeout: 1_000 });
  }).toPass();
});

test("the gate trainer's map and curve say what the line separates and what it misses, as it trains", async ({ page }) => {
  await page.goto("/practice/gate");
  const map = await describedBy(page.getByTestId("decision-map"));
  const curve = await describedBy(page.getByTestId("accuracy-chart"));
  await expect(map).toHaveText(/^AND: /);
  await expect(curve).toHaveText("no epoch yet of 1000");
  await page.getByLabel("Epochs", { exact: true }).fill("300");
  await page.getByLabel("Random seed", { exact: true }).fill("1");
  await page.getByTestId("speed").fill("5");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(curve).toHaveText(/^epoch 300 of 300: accuracy 100 %, every point on its correct side$/);
  await expect(map).toHaveText("AND: the line separates (0,0), (0,1), (1,0) from (1,1), every point on its correct side");
  await page.getByTestId("decision-map").getByRole("button", { name: "Show the data table" }).click();
  await expect(page.getByTestId("decision-map").getByRole("row", { name: /^\(1,1\) 1 1/ })).toBeVisible();
});

test("the weights and the 3D surface say where the run went, in English and Korean, from the same seeded run", async ({ browser }) => {
  for (const [locale, label] of [["en-US", { epochs: "Epochs", seed: "Random seed", lr: "Learning rate", play: "Play" }], ["ko-KR", { epochs: "에포크 수", seed: "랜덤 시드", lr: "학습률", play: "재생" }]] as const) {
    const page = await newPage(browser, locale, { width: 1280, height: 900 });
    await page.goto("/practice/gate");
    const weights = await describedBy(page.getByTestId("weight-trajectory"));
    const surface = await describedBy(page.getByTestId("output-surface"));
    const init = initialModel({ seed: 1 });
    const num = numberText(locale.slice(0, 2));
    const start = `w1 = ${num(init.w[0])}, w2 = ${num(init.w[1])}, b = ${num(init.b)}`;
    // Set again until the page has hydrated (a value typed before it is lost).
    await expect(async () => {
      await page.getByLabel(label.epochs, { exact: true }).fill("200");
      await page.getByLabel(label.seed, { exact: true }).fill("1");
      await expect(weights).toHaveText(locale === "en-US" ? `no epoch yet of 200: ${start}` : `200 에포크 중 아직 0번째: ${start}`, { timeout: 1_000 });
    }).toPass();
    const lr = Number(await page.getByLabel(label.lr, { exact: true }).inputValue());
    const { history } = train({ gate: "AND", lr, epochs: 200, seed: 1 });
    await page.getByTestId("speed").fill("5");
    await page.getByRole("button", { name: label.play }).click();
    const last = history.at(-1)!;
    // the last epoch that changed a weight, counted here from the run
    let k = 0;
    history.forEach((r, i) => { const p = history[i - 1] ?? init; if (r.b !== p.b || r.w[0] !== p.w[0] || r.w[1] !== p.w[1]) k = i + 1; });
    if (locale === "en-US") {
      await expect(weights).toHaveText(new RegExp(`^epoch 200 of 200: w1 from ${re(num(init.w[0]))} to ${re(num(last.w[0]))}, w2 from ${re(num(init.w[1]))} to ${re(num(last.w[1]))}, b from ${re(num(init.b))} to ${re(num(last.b))}; (w1|w2|b) moved most; unchanged since epoch ${k}$`));
      await expect(surface).toHaveText(/^output from 0 to 1: highest at \(1, 1\), lowest at \(0, 0\); 0\.5 or more on \d+ % of the square; corners \(0,0\) 0, \(0,1\) 0, \(1,0\) 0, \(1,1\) 1$/);
      await page.getByTestId("weight-trajectory").getByRole("button", { name: "Show the data table" }).click();
      await expect(page.getByTestId("weight-trajectory").getByRole("row", { name: `200 ${num(last.w[0])} ${num(last.w[1])} ${num(last.b)}` })).toBeVisible();
    } else {
      await expect(weights).toHaveText(new RegExp(`^200 에포크 중 200번째: w1: ${re(num(init.w[0]))}에서 ${re(num(last.w[0]))}로, .*; ${k}번째 에포크 이후 변화 없음$`));
      await expect(surface).toContainText("꼭짓점 (0,0) 0, (0,1) 0, (1,0) 0, (1,1) 1");
    }
    await page.context().close();
  }
});

const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
