// The activation explorer as a student uses it: switch functions and watch the axes change, move a
// slider with the keyboard, try a bad upload and a good one, answer the question, and read it on a phone.
import { expect, test, type Page } from "@playwright/test";
import { newPage, watchConsole } from "./helpers";

// A 3x2 PNG made for this test (reds 0..255).
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAIUlEQVR4nGNgSDH6b5Ni9L8ixeg/w5YUo/8fUoz+/wdyAJPvDNZc9JovAAAAAElFTkSuQmCC";

/** The tick labels of a panel's axis, with d3's typographic minus turned into "-". */
async function ticks(page: Page, panel: string, axis: "x-axis" | "y-axis") {
  const texts = await page.locator(`[data-testid=${panel}] .${axis} .tick text`).allTextContents();
  return texts.map((s) => s.replace(/\u2212/g, "-"));
}

test("explore activations: function switch, sliders, uploads, question", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/activation");
  await expect(page.getByRole("heading", { name: "Activation explorer", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why activation functions?" })).toBeVisible();
  await expect(page.getByText("a linear map applied to a linear map")).toBeVisible();

  // Binary step first: output 0..1, so no negative tick on the function's y axis.
  const fn = page.getByLabel("Activation function");
  await expect(fn).toHaveValue("step");
  await expect.poll(() => ticks(page, "function-panel", "y-axis")).toContain("1.0");
  expect(await ticks(page, "function-panel", "y-axis")).not.toContain("-1.0");
  await expect(page.getByTestId("activated-image-panel").locator("canvas")).toBeVisible();

  // The threshold slider, by keyboard: the readout and the histogram after the step follow.
  const threshold = page.getByLabel("Threshold");
  await expect(page.getByTestId("readout-threshold")).toHaveText("0.00");
  const picture = () => page.getByTestId("activated-image-panel").locator("canvas").evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const zeros = () => page.locator("[data-testid=activated-panel] rect").first().getAttribute("height");
  const [pictureBefore, zerosBefore] = [await picture(), await zeros()];
  await threshold.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("readout-threshold")).toHaveText("0.15");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("readout-threshold")).toHaveText("0.10");
  await expect(threshold).toHaveValue("0.1");
  // More samples and pixels now fall below the threshold: the bar at 0 and the picture change.
  await expect.poll(zeros).not.toBe(zerosBefore);
  await expect.poll(picture).not.toBe(pictureBefore);

  // tanh: the y axis now runs from -1 to 1, and its derivative peaks at 1.
  await fn.selectOption("tanh");
  await expect.poll(() => ticks(page, "function-panel", "y-axis")).toContain("-1.0");
  expect(await ticks(page, "derivative-panel", "y-axis")).toContain("1.0");
  await expect(page.getByTestId("function-panel").getByRole("img")).toHaveAttribute("aria-label", /tanh .* from -1 to 1\./);
  await expect(page.getByLabel("Threshold")).toHaveCount(0);

  // Leaky ReLU's alpha, by keyboard.
  await fn.selectOption("leakyRelu");
  await expect(page.getByTestId("readout-alpha")).toHaveText("0.01");
  await page.getByLabel("Alpha").press("ArrowRight");
  await expect(page.getByTestId("readout-alpha")).toHaveText("0.02");
  await expect.poll(() => ticks(page, "function-panel", "y-axis")).toContain("10");

  // A text file, and a file that only pretends to be a PNG: both refused, clearly.
  const upload = page.getByLabel("Use your own picture");
  const alert = page.getByRole("region", { name: "Settings" }).locator("[role=alert]");
  await upload.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
  await expect(alert).toHaveText(/not a picture this browser can read/);
  await upload.setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("still not a picture") });
  await expect(alert).toHaveText(/not a picture this browser can read/);
  // A real one is decoded in the browser and drawn.
  await upload.setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG, "base64") });
  await expect(alert).toHaveText("");
  await expect(page.getByRole("combobox", { name: /^Picture/ })).toHaveValue("upload");
  await expect(page.getByTestId("image-panel").getByRole("img")).toHaveAttribute("aria-label", /tiny\.png.*3 by 2 pixels/);
  // No pixel ticks on a picture (they add nothing): its size is written under it instead.
  await expect(page.getByTestId("image-panel")).toContainText("3 × 2 pixels");
  await expect(page.getByTestId("image-panel").locator(".tick")).toHaveCount(0);

  // The question: a partial answer, then the right one.
  const question = page.getByRole("group", { name: /saturate on both sides/ });
  await question.getByLabel("Binary step").check();
  await question.getByLabel("Sigmoid").check();
  await question.getByLabel("ReLU", { exact: true }).check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  const feedback = page.getByTestId("question-feedback");
  await expect(feedback).toContainText("Not yet — 0 of 10 points");
  await expect(feedback).toContainText("These do not fit: ReLU.");
  await expect(feedback).toContainText("1 more fits");
  await question.getByLabel("ReLU", { exact: true }).uncheck();
  await expect(feedback).toHaveText(""); // a changed answer clears the old verdict
  await question.getByLabel("tanh").check();
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(feedback).toContainText("Correct! 10 of 10 points.");
  await expect(feedback).toContainText("Binary step, Sigmoid, and tanh");

  expect(errors).toEqual([]);
});

test("on a 390 px phone, in Korean, the six panels stack and fit", async ({ browser }) => {
  const page = await newPage(browser, "ko-KR", { width: 390, height: 844 });
  const errors = watchConsole(page);
  await page.goto("/practice/activation");
  await expect(page.getByRole("heading", { name: "활성화 함수 탐험", level: 1 })).toBeVisible();
  // The explanation starts folded on a phone, and opens on tap.
  const lesson = page.getByText("활성화 함수는 왜 필요할까?");
  await expect(page.getByText("선형 변환을 두 번 적용해도")).toBeHidden();
  await lesson.click();
  await expect(page.getByText("선형 변환을 두 번 적용해도")).toBeVisible();

  const panels = ["function-panel", "derivative-panel", "samples-panel", "activated-panel", "image-panel", "activated-image-panel"];
  let lastTop = -1;
  for (const id of panels) {
    const panel = page.getByTestId(id);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + (await page.evaluate(() => window.scrollY))).toBeGreaterThan(lastTop); // one column
    lastTop = box.y + (await page.evaluate(() => window.scrollY));
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel("활성화 함수").selectOption("relu");
  await expect(page.getByTestId("formula")).toHaveText("f(x) = max(0, x)");
  expect(errors).toEqual([]);
});
