// Every chart says in words what it shows, and the words follow the data: the explorer's panels as
// the activation changes, the trainer's decision map and accuracy curve as it trains; in en and ko.
import { expect, test, type Locator } from "@playwright/test";
import { newPage, watchConsole } from "./helpers";

/** The summary a chart's picture is described by (aria-describedby), read through the ARIA link. */
async function describedBy(chart: Locator) {
  const img = chart.locator("[role=img]").first();
  const id = await img.getAttribute("aria-describedby");
  expect(id).toBeTruthy();
  return chart.page().locator(`[id="${id}"]`);
}

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
