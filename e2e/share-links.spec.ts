// Links that reproduce a view and links in a lesson: an explorer view with normal samples, a wider
// spread, the fixed axis and new samples, opened from its link in a new browser, draws the same
// histograms; an instructor's practice link in a preset opens from the student's live page; the XOR
// page's two-layer net (activation and seed) from its link trains to the same weights.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { BoardState } from "../lib/live/session-protocol";
import { trainXorNet } from "../lib/xor/xor-net";
import { download, instructorWithLessonCopy, liveSessionWithOne, newPage, playFast, socketOf, watchConsole } from "./helpers";

/** Every bar of a histogram panel: position and height as drawn. */
const bars = (page: Page, testId: string) =>
  page.getByTestId(testId).locator("rect").evaluateAll((rs) => rs.map((r) => ["x", "y", "width", "height"].map((a) => r.getAttribute(a)).join(",")));

test("a shared explorer link with normal samples and a wider spread draws the same histograms in a new browser", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/activation");
  await page.waitForLoadState("networkidle");
  // Chosen again until the page has hydrated (a choice made before it is lost).
  await expect(async () => {
    await page.getByLabel("Activation function").selectOption("tanh");
    await expect(page.getByTestId("panels")).toHaveAttribute("data-activation", "tanh", { timeout: 1_000 });
  }).toPass();
  const samples = page.getByTestId("sample-controls");
  await samples.locator("select").selectOption("normal");
  await page.getByTestId("spread").fill("8");
  await samples.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Draw new samples" }).click();
  await page.getByRole("button", { name: "Draw new samples" }).click();
  await expect(page).toHaveURL(/activation=tanh.*dist=normal&spread=8&axis=fixed.*seed=3/);
  await expect(page.getByTestId("panels")).toHaveAttribute("data-activation", "tanh");
  const before = await bars(page, "samples-panel");
  const after = await bars(page, "activated-panel");
  expect(before.length).toBeGreaterThan(10);
  await page.getByTestId("share-run").click();
  const href = (await page.getByTestId("share-link").getAttribute("href"))!;

  const other = await newPage(browser, "ko-KR", { width: 1280, height: 900 });
  await other.goto(href);
  await expect(other.getByTestId("panels")).toHaveAttribute("data-activation", "tanh");
  await expect(other.getByTestId("readout-spread")).toHaveText("×8.0");
  await expect(other.getByTestId("sample-controls").locator("select")).toHaveValue("normal");
  await expect(other.getByTestId("sample-controls").getByRole("checkbox")).toBeChecked();
  await expect.poll(() => bars(other, "samples-panel")).toEqual(before);
  await expect.poll(() => bars(other, "activated-panel")).toEqual(after);
  expect(errors).toEqual([]);
});

test("an instructor's practice link in a preset opens from the student's live page", async ({ browser, baseURL }) => {
  const { page: teacher, errors, lessonId } = await instructorWithLessonCopy(browser);
  const gate = teacher.getByTestId("preset-GATE");
  const field = gate.getByTestId("practice-link-field");
  await field.fill("https://evil.example/practice/gate");
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByText("A practice link must be a page of this site")).toBeVisible();
  // the site's full address, as copied from the practice page, is kept as its path
  await field.fill(`${baseURL}/practice/gate?gate=OR&lr=0.1&epochs=60&seed=4242`);
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByText("Saved.")).toBeVisible();

  const { student: ana, studentErrors: anaErrors, sessionId } = await liveSessionWithOne(browser, teacher, lessonId, "Links", "Ana");

  const board = await socketOf(baseURL!, teacher);
  const watched = (await board.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
  const exercise = watched.state.exercises.find((e) => e.type === "GATE")!;
  expect(await board.emitWithAck("control:push", { sessionId, exerciseId: exercise.id })).toEqual({ ok: true });

  const link = ana.getByTestId("practice-link");
  await expect(link).toHaveText(/Try it on your own/);
  await expect(link).toHaveAttribute("href", "/practice/gate?gate=OR&lr=0.1&epochs=60&seed=4242");
  const [practice] = await Promise.all([ana.context().waitForEvent("page"), link.click()]);
  await expect(practice).toHaveURL(/\/practice\/gate\?gate=OR&lr=0\.1&epochs=60&seed=4242/);
  await expect(practice.getByTestId("gate-select")).toHaveValue("OR");
  // the live page stays where it was
  await expect(ana).toHaveURL(new RegExp(`/live/${sessionId}$`));
  board.close();
  expect(errors).toEqual([]);
  expect(anaErrors).toEqual([]);
});

test("the XOR page downloads the perceptron's run and charts, and the two-layer net's run", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/xor?lr=0.1&epochs=20&seed=3");
  await playFast(page);
  await expect(page.getByTestId("readout-epoch")).toContainText("20");
  const csv = await download(page, "download-csv");
  expect(csv.suggestedFilename()).toBe("run_XOR_lr0.1_seed3.csv");
  const lines = fs.readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect([lines[0], lines.length]).toEqual(["epoch,accuracy,w1,w2,b", 21]);
  const svg = await download(page, "download-svg-run_XOR_seed3");
  expect(fs.readFileSync((await svg.path())!, "utf8")).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

  await page.getByRole("button", { name: "Show the two-layer network" }).click();
  await expect(page.getByTestId("net-accuracy")).toHaveText("Network accuracy 100%", { timeout: 20_000 });
  const net = await download(page, "net-download-json");
  expect(net.suggestedFilename()).toMatch(/^xor-net_lr2_seed1\.json$/);
  const run = JSON.parse(fs.readFileSync((await net.path())!, "utf8"));
  expect(run.format).toBe("neuronlab-xor-net-run");
  expect(run.epochs.at(-1)).toMatchObject({ accuracy: 1 });
  expect(run.epochs.at(-1).net.hidden).toHaveLength(2);
  const png = await download(page, "download-png-xor-net_seed1");
  expect(fs.readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
  expect(errors).toEqual([]);
});

test("a shared XOR link with the two-layer net (tanh, seed 7) trains to the same final weights in a new browser", async ({ browser }) => {
  const page = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(page);
  await page.goto("/practice/xor");
  await page.getByRole("button", { name: "Show the two-layer network" }).click();
  const net = page.locator("#xor-net");
  await net.getByTestId("net-activation").selectOption("tanh");
  await net.getByLabel("Random seed").fill("7");
  await net.getByRole("button", { name: "Play" }).click();
  await expect(net.getByText("Epoch 3000", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/net=tanh&netseed=7/);
  const weights = await net.getByTestId("net-weights").textContent();
  // what the page shows is the replay of (tanh, seed 7, 3,000 epochs)
  const { final } = trainXorNet({ seed: 7, lr: 2, epochs: 3000, activation: "tanh" });
  expect(weights).toContain(`w₁ ${final.hidden[0].w[0].toFixed(3).replace("-", "−")}`);
  await page.getByTestId("share-run").click();
  const href = (await page.getByTestId("share-link").getAttribute("href"))!;

  const other = await newPage(browser, "ko-KR", { width: 1280, height: 900 });
  const otherErrors = watchConsole(other);
  await other.goto(href);
  const otherNet = other.locator("#xor-net");
  await expect(otherNet.getByTestId("net-activation")).toHaveValue("tanh");
  await expect(otherNet.getByText("에포크 3000", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(otherNet.getByTestId("net-weights")).toHaveText(weights!.replace(/hidden 1/, "은닉 1").replace(/hidden 2/, "은닉 2").replace(/output/, "출력"));
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
