// The XOR puzzle: one perceptron never passes 75% whatever the settings, the student explains why,
// then a two-layer network solves it live.
import { expect, test, type Page } from "@playwright/test";
import { newPage, watchConsole } from "./helpers";
import { trainMlp } from "../lib/nn/mlp";
import { unitStates } from "../lib/nn/mlp-diagnostics";

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

/** The numbers in a weights readout, in order (labels differ by language). */
const numbers = (text: string | null) => (text ?? "").replace(/−/g, "-").match(/-?\d+\.\d{3}/g) ?? [];

test("the network's controls: a wide ReLU run with dead units, reproduced exactly by its practice link in a new browser (keyboard only)", async ({ browser }) => {
  test.setTimeout(300_000); // two browsers train 3,000 epochs each, on a loaded machine
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/xor");
  await page.getByRole("button", { name: "Show the two-layer network" }).click();
  const net = page.locator("#xor-net");
  await net.getByTestId("net-activation").selectOption("relu");
  await net.getByTestId("net-width").selectOption("8");
  await net.getByLabel("Random seed").fill("3");
  await net.getByRole("button", { name: "Play" }).press("Enter");
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(page).toHaveURL(/net=relu&netseed=3&netwidth=8&netlayers=1&netscale=0\.3/);
  await expect(net.getByTestId("net-accuracy")).toHaveText("Network accuracy 100%");
  // what the page shows is the replay of (ReLU, 8 units, seed 3, 3,000 epochs): its weights and its dead units
  const { final } = trainMlp({ seed: 3, lr: 2, epochs: 3000, activation: "relu", width: 8 });
  const expected = [...final.hidden, final.out].flatMap((u) => [...u.w, u.b]).map((v) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3));
  const weights = await net.getByTestId("net-weights").textContent();
  expect(numbers(weights)).toEqual(expected);
  const dead = unitStates(final, "relu")[0].filter((s) => s === "dead").length;
  expect(dead).toBeGreaterThan(0);
  await expect(net.getByTestId("net-note-dead")).toContainText(`${dead} ReLU units are dead (✕) (of 8)`);
  await expect(net.locator('[data-testid="net-diagram"] g[data-state="dead"]')).toHaveCount(dead);
  // the drawing in words: the dead units named, as many as are drawn
  const description = await net.getByTestId("net-diagram").getByRole("img").getAttribute("aria-describedby");
  const sentence = (await page.locator(`[id="${description}"]`).textContent())!;
  expect(sentence).toMatch(/^8 hidden units; dead: hidden \d/);
  expect(sentence.split("; ")[1].split(", ")).toHaveLength(dead);
  await page.getByTestId("share-run").click();
  const href = (await page.getByTestId("share-link").getAttribute("href"))!;

  const other = await newPage(browser, "ko-KR", { width: 1280, height: 900 });
  const otherErrors = watchConsole(other);
  await other.goto(href);
  const otherNet = other.locator("#xor-net");
  await expect(otherNet.getByTestId("net-activation")).toHaveValue("relu");
  await expect(otherNet.getByTestId("net-width")).toHaveValue("8");
  await expect(otherNet.getByTestId("net-epoch")).toHaveText("에포크 3000", { timeout: 120_000 });
  await expect(otherNet.getByTestId("net-accuracy")).toContainText("100%");
  expect(numbers(await otherNet.getByTestId("net-weights").textContent())).toEqual(expected);
  await expect(otherNet.getByTestId("net-note-dead")).toContainText(`ReLU 유닛 ${dead}개가 죽었습니다(✕)(전체 8개)`);

  // the remedy, from the keyboard: leaky ReLU, in the link too
  await net.getByTestId("net-try-leaky").focus();
  await page.keyboard.press("Enter");
  await expect(net.getByTestId("net-activation")).toHaveValue("leakyRelu");
  await expect(page).toHaveURL(/net=leakyRelu/);
  await expect(net.getByTestId("net-note-leaky")).toBeVisible();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test("the network explains each failure: linear capped at 75% with its one line, step's hidden gradient exactly 0, saturation at a large scale", async ({ browser }) => {
  test.setTimeout(300_000); // three runs of 3,000 epochs, on a loaded machine
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/xor?net=linear&netseed=1&netwidth=8&netlayers=2");
  const net = page.locator("#xor-net");
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-note-linear")).toContainText("the whole network is one line");
  await expect(net.getByTestId("net-note-linear")).toContainText("capped at 75%");
  expect(Number((await net.getByTestId("net-accuracy").textContent())!.match(/(\d+)%/)![1])).toBeLessThanOrEqual(75);
  // the map in words: at most 3 of XOR's 4 points right, the wrong ones named
  await expect(net.getByRole("img", { name: /The input square shaded by the network's output for XOR/ })).toHaveAccessibleDescription(/^XOR: [0-3] of 4 points on their correct side; wrong: \(/);

  await net.getByTestId("net-activation").selectOption("step");
  await net.getByRole("button", { name: "Play" }).click();
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-hidden-gradient")).toHaveText("Hidden-layer gradient 0");
  await expect(net.getByTestId("gradient-chart")).toBeVisible();
  // the gradient chart in words: both step layers exactly 0 throughout, only the output learns
  await expect(net.getByTestId("gradient-chart").getByRole("img")).toHaveAccessibleDescription(
    /^epoch 3000: mean \|gradient\| hidden layer 1 exactly 0 in every epoch, hidden layer 2 exactly 0 in every epoch, output from \d\.\de[-+]?\d+ to /);

  await net.getByTestId("net-activation").selectOption("tanh");
  await net.getByTestId("net-layers").selectOption("1");
  await net.getByTestId("net-width").selectOption("2");
  await net.getByLabel("Initial weight scale").fill("20");
  await net.getByRole("button", { name: "Play" }).click();
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-note-saturated")).toContainText(/1 hidden unit is saturated \(of 2\)|2 hidden units are saturated \(of 2\)/);
  await expect(page).toHaveURL(/net=tanh&netseed=1&netwidth=2&netlayers=1&netscale=20/);
  expect(errors).toEqual([]);
});
