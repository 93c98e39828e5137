/**
 * Frame timings in Chromium (part of bench:pages).
 *  - Explorer: 100 slider moves on the 512x512 picture (a generated PNG, uploaded through the
 *    picker). Per move: from the input event to the six panels drawn (performance mark
 *    "act:drawn", set by ActivationPanels after its synchronous commit), the work itself
 *    ("act:start" -> "act:drawn"), the time until the frame showing it has been painted (this
 *    includes waiting for the display's next frame, which no page can avoid), and the share of
 *    moves drawn before the next animation frame began (so painted in the first frame after the input).
 *  - Gate trainer at full speed: per animation frame, from the training tick ("trainer:tick") to
 *    the four charts drawn ("trainer:drawn", TrainerViews' layout effect), over 100 frames.
 * Target: 16 ms (one frame at 60 Hz).
 */
import type { Browser } from "@playwright/test";

export interface Stat { p50: number; p95: number; max: number; n: number }
export interface FrameFigures { explorer: { inputToDrawn: Stat; work: Stat; inputToPainted: Stat; inNextFrame: number }; trainer: { tickToDrawn: Stat }; targetMs: 16 }

function stat(values: number[]): Stat {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(q(0.5)), p95: r(q(0.95)), max: r(v[v.length - 1]), n: v.length };
}

/** A page of the app in a new context, with the bench's marks on and its network settled. */
async function benchPage(browser: Browser, baseURL: string, path: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  // the marks, and tsx's __name helper that its output calls inside page.evaluate
  await context.addInitScript({ content: "window.__NEURONLAB_BENCH__ = true; window.__name = (f) => f;" });
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return { context, page };
}

async function explorer(browser: Browser, baseURL: string) {
  const { context, page } = await benchPage(browser, baseURL, "/practice/activation");
  // A 512x512 PNG made by the browser itself, then chosen in the picker like a student's photo.
  const png = await page.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = c.height = 512;
    const ctx = c.getContext("2d")!;
    const g = ctx.createLinearGradient(0, 0, 512, 512);
    g.addColorStop(0, "#102030"); g.addColorStop(1, "#f0e0d0");
    ctx.fillStyle = g; ctx.fillRect(0, 0, 512, 512);
    for (let i = 0; i < 40; i++) { ctx.fillStyle = `hsl(${i * 9} 60% ${20 + i}%)`; ctx.fillRect((i * 37) % 480, (i * 53) % 480, 32, 32); }
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), "image/png"));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await page.locator('input[type="file"]').setInputFiles({ name: "bench-512.png", mimeType: "image/png", buffer: Buffer.from(png) });
  await page.getByTestId("image-panel").getByRole("img", { name: /512/ }).waitFor();
  const figures = await page.evaluate(async () => {
    const slider = document.querySelector<HTMLInputElement>('.act-controls input[type="range"]');
    if (!slider) throw new Error("no parameter slider on the explorer");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    const min = Number(slider.min), max = Number(slider.max), step = Number(slider.step) || 0.01;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
    const out = { inputToDrawn: [] as number[], work: [] as number[], inputToPainted: [] as number[], inNextFrame: 0 };
    for (let i = 0; i < 110; i++) {
      await frame();
      performance.clearMarks();
      const v = min + ((i * 7) % Math.round((max - min) / step)) * step;
      setValue.call(slider, String(v === Number(slider.value) ? v + step : v));
      let nextFrame = Infinity;
      requestAnimationFrame((t) => { nextFrame = t; });
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      let painted = await frame();
      for (let k = 0; k < 5 && performance.getEntriesByName("act:drawn").length === 0; k++) painted = await frame();
      const drawn = performance.getEntriesByName("act:drawn")[0];
      const start = performance.getEntriesByName("act:start")[0];
      if (!drawn || !start || i < 10) continue; // the first moves warm up
      out.inputToDrawn.push(drawn.startTime - t0);
      out.work.push(drawn.startTime - start.startTime);
      out.inputToPainted.push(painted - t0);
      if (drawn.startTime <= nextFrame) out.inNextFrame++;
    }
    return out;
  });
  await context.close();
  const n = figures.inputToDrawn.length;
  return { inputToDrawn: stat(figures.inputToDrawn), work: stat(figures.work), inputToPainted: stat(figures.inputToPainted), inNextFrame: n ? Math.round((figures.inNextFrame / n) * 1000) / 1000 : 0 };
}

async function trainer(browser: Browser, baseURL: string) {
  const { context, page } = await benchPage(browser, baseURL, "/practice/gate");
  await page.getByLabel("Epochs", { exact: true }).fill("10000"); // the most allowed: ~2 s at full speed
  await page.getByTestId("speed").fill("5"); // the fastest speed
  await page.waitForTimeout(200);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(1800);
  const gaps = await page.evaluate(() => {
    const ticks = performance.getEntriesByName("trainer:tick").map((e) => e.startTime);
    const drawn = performance.getEntriesByName("trainer:drawn").map((e) => e.startTime);
    const out: number[] = [];
    for (const t of ticks.slice(5, 105)) {
      const d = drawn.find((x) => x >= t);
      if (d !== undefined) out.push(d - t);
    }
    return out;
  });
  await context.close();
  return { tickToDrawn: stat(gaps) };
}

export async function measureFrames(browser: Browser, baseURL: string): Promise<FrameFigures> {
  const ex = await explorer(browser, baseURL);
  const tr = await trainer(browser, baseURL);
  const row = (name: string, s: Stat) =>
    console.log(`${name.padEnd(44)}${s.p50.toFixed(2).padStart(8)}${s.p95.toFixed(2).padStart(8)}${s.max.toFixed(2).padStart(8)}${String(s.n).padStart(5)}  ${s.p95 <= 16 ? "within 16 ms" : "OVER 16 ms"}`);
  console.log("\nFrame timings in Chromium, ms (target: one frame, 16 ms)");
  console.log(`${"measure".padEnd(44)}${"p50".padStart(8)}${"p95".padStart(8)}${"max".padStart(8)}${"n".padStart(5)}`);
  row("explorer 512x512: input -> 6 panels drawn", ex.inputToDrawn);
  row("explorer 512x512: the work itself", ex.work);
  console.log(`${"explorer 512x512: input -> frame painted".padEnd(44)}${ex.inputToPainted.p50.toFixed(2).padStart(8)}${ex.inputToPainted.p95.toFixed(2).padStart(8)}${ex.inputToPainted.max.toFixed(2).padStart(8)}${String(ex.inputToPainted.n).padStart(5)}  (includes the wait for the display's next frame)`);
  console.log(`explorer 512x512: drawn before the next frame began (painted in the first frame after the input): ${(ex.inNextFrame * 100).toFixed(1)}% of moves`);
  row("gate trainer full speed: tick -> 4 charts drawn", tr.tickToDrawn);
  return { explorer: ex, trainer: tr, targetMs: 16 };
}
