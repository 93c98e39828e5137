// The class's own points (issue 20, point 4): one perceptron cannot separate a ring of points, the
// network can (a linear one cannot either), the link carries the points; an instructor places the
// class's points in a gate preset and they are kept.
import { expect, test, type Page } from "@playwright/test";
import { readPoints } from "../lib/nn/custom-points";
import { trainMlp, type HiddenActivation } from "../lib/nn/mlp";
import { instructorWithLessonCopy, newPage, presetWithPoints, watchConsole } from "./helpers";

// four output-1 points in the middle, four output-0 points in the corners: no line separates them
const RING = "50.40.1_60.50.1_50.60.1_40.50.1_10.10.0_90.10.0_90.90.0_10.90.0";

/** The numbers in a weights readout, in order (labels differ by language). */
const numbers = (text: string | null) => (text ?? "").replace(/−/g, "-").match(/-?\d+\.\d{3}/g) ?? [];
const expectedWeights = (activation: HiddenActivation) => {
  const { final } = trainMlp({ seed: 1, lr: 2, epochs: 3000, activation, width: 4, points: readPoints(RING)! });
  return [...final.hidden, final.out].flatMap((u) => [...u.w, u.b]).map((v) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3));
};

async function choose(page: Page, activation: string) {
  const select = page.locator("#xor-net").getByTestId("net-activation");
  // a choice made before the page has hydrated is lost: choose again until the page follows
  await expect(async () => {
    await select.selectOption(activation);
    await expect(page).toHaveURL(new RegExp(`net=${activation}`), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("a ring of points: one perceptron cannot separate it, the network can, a linear network cannot; the link carries the points", async ({ browser }) => {
  test.setTimeout(300_000); // three 3,000-epoch runs in the browser on a loaded machine
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto(`/practice/gate?gate=AND&lr=0.5&epochs=200&seed=7&pts=${RING}`);
  await expect(page.getByTestId("point-editor").getByTestId("points-separable")).toContainText("Linearly separable: no");
  // the perceptron's map in words, on the points (no corners of a gate to name)
  await expect(page.getByTestId("decision-map").getByRole("img")).toHaveAccessibleDescription(/^Your own points: \d of 8 points on their correct side; wrong: \(/);
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Train a network on these points" }).click();
  // the XOR page's network, opened on the same points (the page then writes all its settings in the link)
  await expect(page).toHaveURL(/\/practice\/xor\?/);
  const opened = new URL(page.url()).searchParams;
  expect([opened.get("net"), opened.get("netwidth"), opened.get("pts")]).toEqual(["sigmoid", "4", RING]);

  const net = page.locator("#xor-net");
  const editor = net.getByTestId("point-editor");
  await expect(editor.getByRole("list", { name: "Points" }).getByRole("listitem")).toHaveCount(8);
  await expect(editor.getByTestId("points-separable")).toContainText("Linearly separable: no");
  // the network trains on the eight points by itself: sigmoid units separate them
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-accuracy")).toHaveText("Network accuracy 100%");
  await expect(editor.getByTestId("points-separated")).toHaveText("The network separated them: accuracy 100%.");
  await expect(net.getByRole("img", { name: /8 of 8 points are classified correctly/ })).toHaveAccessibleDescription("Your own points: 8 of 8 points on their correct side");
  await expect(net.getByTestId("gradient-chart").getByRole("img")).toHaveAccessibleDescription(/^epoch 3000: mean \|gradient\| hidden layer 1 from \d\.\de[-+]?\d+ to \d\.\de[-+]?\d+, output from /);
  expect(numbers(await net.getByTestId("net-weights").textContent())).toEqual(expectedWeights("sigmoid"));

  // linear units: one line, however many units, so not all eight
  await choose(page, "linear");
  await net.getByRole("button", { name: "Play" }).click();
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await expect(net.getByTestId("net-accuracy")).not.toHaveText("Network accuracy 100%");
  await expect(net.getByTestId("net-note-linear")).toContainText("yours cannot: some point always stays on the wrong side");
  await expect(editor.getByTestId("points-separated")).toHaveText("The network has not separated them (yet).");
  const weights = numbers(await net.getByTestId("net-weights").textContent());
  expect(weights).toEqual(expectedWeights("linear"));
  await expect(page).toHaveURL(new RegExp(`pts=${RING.replace(/\./g, "\\.")}`));

  // the same link in another browser, in Korean: the same points, the same run to the last shown digit
  const other = await newPage(browser, "ko-KR", { width: 1280, height: 900 });
  const otherErrors = watchConsole(other);
  await other.goto(page.url());
  const otherNet = other.locator("#xor-net");
  await expect(otherNet.getByTestId("point-editor").getByRole("listitem")).toHaveCount(8);
  // a link's run plays by itself
  await expect(otherNet.getByTestId("net-epoch")).toHaveText("에포크 3000", { timeout: 120_000 });
  expect(numbers(await otherNet.getByTestId("net-weights").textContent())).toEqual(weights);
  await expect(otherNet.getByTestId("net-note-linear")).toContainText("내 점은 직선 하나로 나뉘지 않아");
  await expect(otherNet.getByTestId("gradient-chart").getByRole("img")).toHaveAccessibleDescription(/^에포크 3000: 평균 \|기울기\| /);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
  await page.context().close();
  await other.context().close();
});

test("an instructor places the class's own points in a gate preset; they are checked and kept", async ({ browser }) => {
  const { page, errors } = await instructorWithLessonCopy(browser);
  const { preset: gate, editor } = await presetWithPoints(page, "GATE");
  // by keyboard: a third point of output 1, moved right and down, then made output 0
  await editor.getByRole("button", { name: "Add a point" }).click();
  const third = editor.getByTestId("point-2");
  await expect(third).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("c");
  await expect(third).toContainText("(0.55, 0.45), output 0");
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByText("Saved.")).toBeVisible();

  await page.reload();
  const kept = page.getByTestId("preset-GATE").getByTestId("point-editor");
  await expect(kept.getByRole("listitem")).toHaveCount(3);
  await expect(kept.getByTestId("point-2")).toContainText("(0.55, 0.45), output 0");
  await expect(page.getByTestId("preset-GATE").getByTestId("preset-use-points")).toBeChecked();

  // points of one colour teach nothing: refused with a clear message, and nothing stored
  await kept.getByRole("button", { name: "Remove all" }).click();
  await kept.getByRole("button", { name: "Add a point" }).click();
  await kept.getByRole("button", { name: "Add a point" }).click();
  await page.getByTestId("preset-GATE").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("preset-GATE").getByRole("alert")).toContainText("Place points of both colours");
  await page.reload();
  await expect(page.getByTestId("preset-GATE").getByTestId("point-editor").getByRole("listitem")).toHaveCount(3);
  expect(errors).toEqual([]);
  await page.context().close();
});
