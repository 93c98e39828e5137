// The XOR puzzle: one perceptron never passes 75% whatever the settings, the student explains why,
// then a two-layer network solves it live.
import { expect, test, type Page } from "@playwright/test";
import { newPage, watchConsole } from "./helpers";

async function run(page: Page, lr: string, epochs: string, seed: string) {
  await page.getByLabel("Learning rate", { exact: true }).fill(lr);
  await page.getByLabel("Epochs", { exact: true }).fill(epochs);
  await page.getByLabel("Random seed", { exact: true }).fill(seed);
  await expect(page.getByTestId("readout-epoch")).toHaveText("Epoch 0");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", epochs);
}

async function bestPercent(page: Page): Promise<number> {
  const text = (await page.getByTestId("best-accuracy").textContent()) ?? "";
  const m = text.match(/(\d+)%/);
  expect(m, text).not.toBeNull();
  return Number(m![1]);
}

test("one perceptron stays at or below 75% on XOR; the answer is checked; a hidden layer reaches 100%", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/practice/xor");
  await expect(page.getByRole("heading", { name: "The XOR puzzle" })).toBeVisible();
  await expect(page.getByTestId("best-accuracy")).toContainText("—");
  await expect(page.getByRole("button", { name: "Check my answer" })).toBeDisabled();
  await expect(page.getByTestId("xor-hint")).toHaveCount(0);
  await page.getByTestId("speed").fill("5");

  await run(page, "0.01", "300", "1");
  expect(await bestPercent(page)).toBeLessThanOrEqual(75);
  await run(page, "1", "500", "7");
  expect(await bestPercent(page)).toBeLessThanOrEqual(75);
  await expect(page.getByTestId("runs")).toHaveText("2 runs tried");
  await expect(page.getByTestId("xor-hint")).toContainText("they cross in the middle");
  await run(page, "0.1", "2000", "42");
  expect(await bestPercent(page)).toBeLessThanOrEqual(75);
  await expect(page.getByTestId("best-accuracy")).toHaveText("Best accuracy so far: 75%");
  await expect(page.getByTestId("accuracy-chart")).toContainText("75% ceiling");

  // Wrong, then right.
  await page.getByLabel("There are not enough epochs.").check();
  await page.getByLabel("Your explanation in a sentence (optional)").fill("No straight line splits the diagonals.");
  await expect(page.getByText("38 / 500 characters")).toBeVisible();
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByTestId("xor-feedback")).toContainText("Not that: after thousands of epochs");
  await page.getByLabel(/XOR is not linearly separable/).check();
  await expect(page.getByTestId("xor-feedback")).toHaveText("");
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByTestId("xor-feedback")).toContainText("Right.");

  // The two-layer network.
  const reveal = page.getByRole("button", { name: "Show the two-layer network" });
  await expect(reveal).toHaveAttribute("aria-expanded", "false");
  await reveal.click();
  await expect(page.getByRole("heading", { name: "A hidden layer solves it" })).toBeVisible();
  await expect(page.getByTestId("net-accuracy")).toHaveText("Network accuracy 100%", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Hide the two-layer network" })).toHaveAttribute("aria-expanded", "true");
  expect(errors).toEqual([]);
});

test("the XOR page fits a 390 px phone", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 390, height: 844 });
  const errors = watchConsole(page);
  await page.goto("/practice/xor");
  await page.getByRole("button", { name: "Step one epoch" }).click();
  await expect(page.getByTestId("best-accuracy")).toContainText("Best accuracy so far:");
  await page.getByRole("button", { name: "Show the two-layer network" }).click();
  await expect(page.getByTestId("net-accuracy")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
  expect(errors).toEqual([]);
});
