/**
 * Kernel timings against the Python lesson's figures (same machine type).
 * Run: npx tsx bench/kernels.ts
 * Each figure: warm-up, then the median over repeated timed batches
 * (a batch repeats the kernel until it lasts >= 20 ms; we report ms per call).
 */
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ACTIVATIONS, applyToArray, curve, resolveParams } from "../lib/nn/activations";
import { decisionGrid } from "../lib/nn/grid";
import { train } from "../lib/nn/perceptron";
import { replayMlp, trainMlp } from "../lib/nn/mlp";
import { makeRng } from "../lib/nn/random";
import {
  applyToImage, centredSamples, histogram, imagePanels, imageToCentredGray, toDisplayBytes,
} from "../lib/explorer/samples";

const TARGET = 100;
const REPEATS = 21;
let sink = 0; // results feed this so no work can be optimised away

function syntheticImage(w: number, h: number): Uint8ClampedArray {
  const rng = makeRng(2024);
  const px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = 4 * (y * w + x);
    const base = 128 + 90 * Math.sin(x / 37) * Math.cos(y / 53);
    px[i] = base + 30 * (rng.uniform() - 0.5);
    px[i + 1] = (x + y) & 255;
    px[i + 2] = (x * y) & 255;
    px[i + 3] = 255;
  }
  return px;
}

function measure(fn: () => number): number {
  const end = performance.now() + 300; // warm-up
  let calls = 0;
  while (performance.now() < end || calls < 5) { sink += fn(); calls++; }
  let inner = 1;
  for (;;) { // calibrate batch size
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) sink += fn();
    if (performance.now() - t0 >= 20) break;
    inner *= 2;
  }
  const per: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) sink += fn();
    per.push((performance.now() - t0) / inner);
  }
  per.sort((a, b) => a - b);
  return per[REPEATS >> 1];
}

const W = 512;
const rgba = syntheticImage(W, W);
const sig = ACTIVATIONS.sigmoid;
const sigP = resolveParams(sig);
const gray = imageToCentredGray(rgba, W, W);
const andModel = train({ gate: "AND", lr: 0.01, epochs: 1000, seed: 1 }).final;

const kernels: { name: string; pythonMs: number; fn: () => number }[] = [
  { name: "train AND, 1000 epochs", pythonMs: 35.5, fn: () => train({ gate: "AND", lr: 0.01, epochs: 1000, seed: 1 }).final.b },
  { name: "predict 101x101 grid", pythonMs: 0.45, fn: () => decisionGrid(andModel)[5050] },
  { name: "sigmoid over 512x512 image", pythonMs: 300, fn: () => applyToImage(sig, sigP, gray)[1234] },
  {
    name: "six panels' data (sigmoid)", pythonMs: 390, fn: () => {
      const c = curve(sig, sigP);
      const s = centredSamples(7, 1000);
      const h0 = histogram(s, 100);
      const h1 = histogram(applyToArray(sig, sigP, s), 100);
      const img = imagePanels(sig, sigP, rgba, W, W);
      return c.dy[999] + h0[50].count + h1[50].count + img.grayBytes[400] + img.activatedBytes[400];
    },
  },
];

// For reference only: the image panels done pixel by pixel (no per-byte tables).
const perPixelPanels = () => {
  const c = curve(sig, sigP);
  const s = centredSamples(7, 1000);
  const h0 = histogram(s, 100);
  const h1 = histogram(applyToArray(sig, sigP, s), 100);
  const g = imageToCentredGray(rgba, W, W);
  const b0 = toDisplayBytes(g);
  const b1 = toDisplayBytes(applyToImage(sig, sigP, g));
  return c.dy[999] + h0[50].count + h1[50].count + b0[400] + b1[400];
};

const results = kernels.map(({ name, pythonMs, fn }) => {
  const ms = measure(fn);
  const ratio = pythonMs / ms;
  return { name, ms: +ms.toPrecision(4), pythonMs, ratio: +ratio.toFixed(1), target: TARGET, ok: ratio >= TARGET };
});

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`Node ${process.version}, median of ${REPEATS} batches, ms per call\n`);
console.log(`${pad("kernel", 30)}${pad("ours ms", 12)}${pad("python ms", 12)}${pad("speed-up", 11)}>=${TARGET}x`);
for (const r of results) {
  console.log(`${pad(r.name, 30)}${pad(r.ms.toPrecision(4), 12)}${pad(String(r.pythonMs), 12)}${pad(r.ratio + "x", 11)}${r.ok ? "yes" : "NO"}`);
}
const infoMs = measure(perPixelPanels);
const info = [{ name: "six panels' data, image pixel by pixel", ms: +infoMs.toPrecision(4), pythonMs: 390, ratio: +(390 / infoMs).toFixed(1) }];
console.log(`\ninfo (no target): ${info[0].name}: ${info[0].ms.toPrecision(4)} ms, ${info[0].ratio}x`);
console.log(`(checksum ${sink.toPrecision(6)})`);

// The lesson's own Python on this machine, when python3 with numpy is here: the ratio above moves
// with the machine (the recorded figures come from another one); this one is measured side by side.
const here = measureLessonPython();
if (here) {
  console.log(`\nThe lesson's Python (seed_restored.py) run now on this machine: Python ${here.python}, numpy ${here.numpy}`);
  console.log(`${pad("kernel", 30)}${pad("ours ms", 12)}${pad("python here", 13)}${pad("ratio here", 12)}${pad("ratio vs recorded", 18)}`);
  for (const r of results) {
    const py = here.ms[r.name];
    console.log(`${pad(r.name, 30)}${pad(r.ms.toPrecision(4), 12)}${pad(py === undefined ? "-" : py.toPrecision(4), 13)}${pad(py === undefined ? "-" : (py / r.ms).toFixed(1) + "x", 12)}${r.ratio}x`);
  }
} else {
  console.log("\nNo python3 with numpy here (or no seed_restored.py): the ratios above are against the Python figures recorded on another machine.");
}
// The XOR network (lib/nn/mlp.ts): a 2-8-1 net trained for 3,000 epochs (full batch, with each epoch's
// accuracy, loss, gradient per layer and dead/saturated counts), beside the same training in numpy
// (bench/mlp_numpy.py), both run now on this machine. No target: figures side by side.
const MLP_NAMES = ["sigmoid", "relu"] as const;
const mlp = MLP_NAMES.map((activation) => ({
  name: `2-8-1 ${activation}, 3000 epochs`,
  ms: +measure(() => trainMlp({ seed: 1, lr: 2, epochs: 3000, activation, width: 8 }).history.length).toPrecision(4),
}));
// The server's replay of the same run (replayMlp, what gradeXorNetRun runs): the same steps without
// the per-epoch history and unit counts; numpy's loop records accuracy and loss, as this does.
mlp.push({ name: "2-8-1 sigmoid, 3000 epochs, replay", ms: +measure(() => replayMlp({ seed: 1, lr: 2, epochs: 3000, activation: "sigmoid", width: 8 }).epochs).toPrecision(4) });
const numpyName = (name: string) => name.replace(", replay", "");
const numpyRun = spawnSync("python3", [path.join(__dirname, "mlp_numpy.py"), "8"], { encoding: "utf8", timeout: 300_000 });
const numpyMs: Record<string, number> | null = numpyRun.status === 0 ? JSON.parse(numpyRun.stdout.trim().split("\n").at(-1)!).ms : null;
const mlpResults = mlp.map((m) => ({ ...m, numpyMs: numpyMs ? +(numpyMs[numpyName(m.name)] ?? NaN).toPrecision(4) : null, ratio: numpyMs ? +((numpyMs[numpyName(m.name)] ?? NaN) / m.ms).toFixed(1) : null }));
console.log(`\nThe XOR network (lib/nn/mlp.ts) against numpy (bench/mlp_numpy.py), both on this machine now${numpyMs ? "" : " (no python3 with numpy: ours only)"}`);
console.log(`${pad("kernel", 30)}${pad("ours ms", 12)}${pad("numpy ms", 12)}ratio`);
for (const r of mlpResults) console.log(`${pad(r.name, 30)}${pad(r.ms.toPrecision(4), 12)}${pad(r.numpyMs === null ? "-" : String(r.numpyMs), 12)}${r.ratio === null ? "-" : r.ratio + "x"}`);

const measuredHere = here
  ? results.map((r) => ({ name: r.name, pythonMsHere: +(here.ms[r.name] ?? NaN).toPrecision(4), ratioHere: +((here.ms[r.name] ?? NaN) / r.ms).toFixed(1) }))
  : null;
console.log(JSON.stringify({ bench: "kernels", node: process.version, ratioPrinted: here ? "recorded and measured here" : "recorded only", results, info, measuredHere, mlp: mlpResults }));

function measureLessonPython(): { python: string; numpy: string; ms: Record<string, number> } | null {
  const seed = [process.env.LESSON_PY, "../shared/reference/seed_restored.py", "../../shared/reference/seed_restored.py"]
    .filter((p): p is string => !!p).map((p) => path.resolve(p)).find((p) => fs.existsSync(p));
  if (!seed) return null;
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status !== 0) return null;
  console.log(`\nRunning the lesson's Python (${seed}) for comparison…`);
  const run = spawnSync("python3", [path.join(__dirname, "kernels_python.py"), seed], { encoding: "utf8", timeout: 300_000 });
  if (run.status !== 0) {
    console.log(`The lesson's Python failed: ${run.stderr.trim().split("\n").at(-1)}`);
    return null;
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!);
}
