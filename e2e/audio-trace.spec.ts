// The audio trace (issue 22, point 2): the player is fetched only when Listen is pressed, moves
// along x from the keyboard, and what it plays follows the data: the trace is rendered in the page
// with an OfflineAudioContext (Save as sound), and the pitch of each stretch is measured here.
import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { newPage, watchConsole } from "./helpers";
import { decodeWav, dominantFrequency } from "../lib/a11y/wav";

/** Listen, then Save as sound: the trace's WAV, cut into `parts` stretches of its 3 s; each stretch's pitch and loudness per side. */
async function heard(page: Page, panel: Locator, parts = 10) {
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Save as sound (WAV)" }).click()]);
  const file = fs.readFileSync((await download.path())!);
  const { sampleRate, channels } = decodeWav(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  const n = Math.floor((3 * sampleRate) / parts);
  const energy = (x: Float32Array) => x.reduce((s, v) => s + v * v, 0);
  return Array.from({ length: parts }, (_, k) => {
    const [l, r] = channels.map((c) => c.subarray(k * n, (k + 1) * n));
    return { freq: dominantFrequency(l.map((v, i) => v + r[i]), sampleRate), left: energy(l), right: energy(r) };
  });
}

test("sigmoid's trace rises in pitch and moves left to right; its slope's rises then falls; keys move along x", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/activation");
  await page.waitForLoadState("networkidle");
  const fn = page.getByTestId("function-panel");
  // Chosen again until the page has hydrated (a choice made before it is lost).
  await expect(async () => {
    await page.getByLabel("Activation function").selectOption("sigmoid");
    await expect(fn.getByTestId("chart-summary")).toContainText("Sigmoid: rises", { timeout: 1_000 });
  }).toPass();

  // Nothing of the player in the first load: pressing Listen fetches it.
  const fetched: string[] = [];
  page.on("request", (r) => { if (r.resourceType() === "script") fetched.push(r.url()); });
  await fn.getByRole("button", { name: "Listen" }).click();
  const trace = fn.getByRole("slider", { name: "Function, audio trace" });
  await expect(trace).toBeFocused();
  expect(fetched.length).toBeGreaterThan(0);
  await expect(trace).toHaveAttribute("aria-valuetext", "x = -10, y = 0");
  await page.keyboard.press("End");
  await expect(trace).toHaveAttribute("aria-valuetext", "x = 9.99, y = 1");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(trace).toHaveAttribute("aria-valuenow", "1");
  await page.keyboard.press("Space");
  await fn.getByRole("button", { name: "Stop" }).click();

  const rising = await heard(page, fn);
  const f = rising.map((s) => s.freq);
  for (let k = 1; k < f.length; k++) expect(f[k], `stretch ${k}: ${f.join(", ")}`).toBeGreaterThanOrEqual(f[k - 1] - 5);
  expect(f[9]).toBeGreaterThan(3 * f[0]);
  expect(rising[0].left).toBeGreaterThan(4 * rising[0].right);
  expect(rising[9].right).toBeGreaterThan(4 * rising[9].left);

  const der = page.getByTestId("derivative-panel");
  await der.getByRole("button", { name: "Listen" }).click();
  const bump = (await heard(page, der)).map((s) => s.freq);
  const top = bump.indexOf(Math.max(...bump));
  expect(top, bump.join(", ")).toBeGreaterThanOrEqual(3);
  expect(top, bump.join(", ")).toBeLessThanOrEqual(6);
  expect(bump[0]).toBeLessThan(bump[top] / 2);
  expect(bump[9]).toBeLessThan(bump[top] / 2);
  expect(errors).toEqual([]);
});

test("the training curve has a trace too, and it is fetched only when asked for (Korean)", async ({ browser }) => {
  const page = await newPage(browser, "ko-KR");
  await page.goto("/practice/gate");
  await page.getByTestId("speed").fill("5");
  await page.getByRole("button", { name: "재생" }).click();
  const chart = page.getByTestId("accuracy-chart");
  await chart.getByRole("button", { name: "소리로 듣기" }).click();
  const trace = chart.getByTestId("audio-trace");
  await expect(trace).toBeFocused();
  await page.keyboard.press("End");
  await expect(trace).toHaveAttribute("aria-valuetext", /^x = 1,?000, y = 1$/);
  await expect(chart.getByRole("button", { name: "멈춤" })).toBeVisible();
});
