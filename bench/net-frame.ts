/**
 * The XOR network in Chromium under 4x CPU throttling (part of bench:pages; CDP
 * Emulation.setCPUThrottlingRate, a phone-class CPU as DevTools models it):
 *  - kernel: lib/nn/mlp.ts bundled by esbuild into the page, a 2-8-1 sigmoid net trained for 3,000
 *    epochs in one call (the whole run in one task), timed 7 times;
 *  - page: the practice XOR page's own network, opened by a link at 8 units, trained live to
 *    epoch 3,000; the interval between animation frames while it trains (the page draws every
 *    frame: map, network, accuracy, gradient and surface), and how many exceed one 60 Hz frame.
 */
import path from "node:path";
import { buildSync } from "esbuild";
import type { Browser } from "@playwright/test";

export interface Stat { p50: number; p95: number; max: number; n: number }
export interface NetFrameFigures { throttle: 4; kernel3000: Stat; page: { frameInterval: Stat; over17ms: number; wallMs: number } }

function stat(values: number[]): Stat {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(q(0.5)), p95: r(q(0.95)), max: r(v[v.length - 1]), n: v.length };
}

const bundle = () => buildSync({
  stdin: { contents: 'import { trainMlp } from "./lib/nn/mlp"; (globalThis as any).__trainMlp = trainMlp;', resolveDir: path.resolve(__dirname, ".."), loader: "ts" },
  bundle: true, format: "iife", write: false, platform: "browser", target: "es2022",
}).outputFiles[0].text;

export async function measureNetFrame(browser: Browser, baseURL: string): Promise<NetFrameFigures> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto("/practice");
  await page.addScriptTag({ content: bundle() });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const kernel: number[] = await page.evaluate(() => {
    const train = (globalThis as unknown as { __trainMlp: (c: object) => { history: unknown[] } }).__trainMlp;
    train({ seed: 1, lr: 2, epochs: 300, activation: "sigmoid", width: 8 }); // warm-up
    const out: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      train({ seed: k + 1, lr: 2, epochs: 3000, activation: "sigmoid", width: 8 });
      out.push(performance.now() - t0);
    }
    return out;
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  // The live page: a link opens the net playing; frames are recorded from the first one.
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const t0 = Date.now();
  await page.goto("/practice/xor?net=sigmoid&netseed=1&netwidth=8&netlayers=1&netscale=0.3");
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[] };
    w.__frames = [];
    let last = performance.now();
    const tick = (t: number) => { w.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.locator("#xor-net").getByTestId("net-epoch").filter({ hasText: "3000" }).waitFor({ timeout: 180_000 });
  const wallMs = Date.now() - t0;
  const frames: number[] = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await context.close();
  return { throttle: 4, kernel3000: stat(kernel), page: { frameInterval: stat(frames), over17ms: frames.filter((f) => f > 17).length, wallMs } };
}
