// Lesson files and downloads as an instructor and a student see them: a preset with a formula (a bad
// one refused with its position), the lesson exported as a file and imported back with what was
// refused listed, a run downloaded as CSV and the six panels as SVG and PNG.
import fs from "node:fs";
import { expect, test, type Download } from "@playwright/test";
import { download, instructorWithLessonCopy, newPage, playFast } from "./helpers";

const read = async (d: Download) => fs.readFileSync((await d.path())!);

test("a formula in a preset, a lesson exported and imported, refusals listed", async ({ browser }) => {
  const { page, errors } = await instructorWithLessonCopy(browser);
  const explorer = page.getByTestId("preset-ACTIVATION");
  const row = explorer.getByTestId("preset-formula-1");
  await row.getByLabel("Name 1").fill("Mish");
  await row.getByLabel("f(x) =").fill("x +* 2");
  await explorer.getByRole("button", { name: "Save" }).click();
  await expect(explorer.getByTestId("formula-error")).toContainText("at character 4");
  await row.getByLabel("f(x) =").fill("x * tanh(ln(1 + exp(x)))");
  await explorer.getByRole("button", { name: "Save" }).click();
  await expect(explorer.getByText("Saved.")).toBeVisible();

  await page.goto("/lessons");
  const mine = page.getByTestId("lesson").nth(1);
  const [exported] = await Promise.all([page.waitForEvent("download"), mine.getByTestId("export-lesson").click()]);
  expect(exported.suggestedFilename()).toMatch(/\.lesson\.json$/);
  const file = JSON.parse((await read(exported)).toString("utf8"));
  expect(file.exercises[0].customs).toEqual([{ label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} }]);

  file.title = "Imported copy";
  file.exercises.push({ type: "GATE", gate: "XOR", lr: 1, epochs: 5, points: 5 });
  const form = page.getByTestId("import-lesson");
  await form.getByLabel("Lesson file").setInputFiles({ name: "lesson.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "Import" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported “Imported copy” with 3 exercises.");
  await expect(result).toContainText("Exercise 4: its settings are not valid");
  await expect(page.getByTestId("lesson")).toHaveCount(3);

  await form.getByLabel("Lesson file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText("not a lesson file");
  expect(errors).toEqual([]);
});

test("a run as CSV and the six panels as SVG and PNG, made in the browser", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  await page.goto("/practice/gate?gate=AND&lr=0.1&epochs=20&seed=3");
  await playFast(page);
  await expect(page.getByTestId("readout-epoch")).toContainText("20");
  const csv = await download(page, "download-csv");
  expect(csv.suggestedFilename()).toBe("run_AND_lr0.1_seed3.csv");
  const lines = (await read(csv)).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("epoch,accuracy,w1,w2,b");
  expect(lines).toHaveLength(21);

  await page.goto("/practice/activation?activation=tanh");
  await expect(page.getByTestId("activated-image-panel").locator("canvas")).toBeVisible();
  const svg = await download(page, "download-svg-activation_tanh");
  const text = (await read(svg)).toString("utf8");
  expect(text.startsWith("<svg")).toBe(true);
  expect(text).toContain("<path");
  expect(text).toContain("data:image/png;base64,"); // the two picture panels, embedded
  const png = await download(page, "download-png-activation_tanh");
  expect((await read(png)).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
});
