/**
 * Data for the lesson's lower four panels: a centred random sample cloud with
 * its histogram, and an image (red channel, median-centred) before and after an
 * activation, turned into canvas bytes.
 */
import { applyToArray, type Activation, type ActivationParams } from "../nn/activations";
import { makeRng } from "../nn/random";

/** n uniforms on [0,1) minus their mean (np.random.rand(n); samples -= mean). */
export function centredSamples(seed: number, n = 1000): Float64Array {
  const rng = makeRng(seed);
  const xs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] = rng.uniform();
  const mean = n > 0 ? sum / n : 0;
  for (let i = 0; i < n; i++) xs[i] -= mean;
  return xs;
}

export interface Bin { x0: number; x1: number; count: number }

/**
 * Equal-width histogram like numpy's: the domain defaults to [min, max] of the
 * (non-NaN) values, every bin is [x0, x1) except the last, which also holds
 * x1. Values outside a given domain are dropped, as numpy does; NaN is
 * ignored. If the domain is a single value v (e.g. all values equal) it is
 * widened to [v - 0.5, v + 0.5]; with no values at all it is [0, 1].
 */
export function histogram(values: ArrayLike<number>, bins = 100, domain?: [number, number]): Bin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError("bins must be a positive integer");
  let lo: number, hi: number;
  if (domain) {
    [lo, hi] = domain;
    if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError("domain must be finite with lo <= hi");
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo > hi) [lo, hi] = [0, 1];
  }
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / bins;
  const edge = (k: number) => (k === bins ? hi : lo + k * width);
  const counts = new Uint32Array(bins);
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= lo && v <= hi)) continue; // outside, or NaN
    let k = Math.floor((v - lo) * scale);
    if (k >= bins) k = bins - 1;
    // rounding can land one bin off; settle on the bin whose edges hold v
    if (k > 0 && v < edge(k)) k--;
    else if (k < bins - 1 && v >= edge(k + 1)) k++;
    counts[k]++;
  }
  const out: Bin[] = new Array(bins);
  for (let k = 0; k < bins; k++) out[k] = { x0: edge(k), x1: edge(k + 1), count: counts[k] };
  return out;
}

/** Counts of each red byte value, and the median of red/255 (numpy's median). */
/** Per picture (its bytes never change once drawn): its size, red byte counts, median and centred values. */
const statsOf = new WeakMap<Uint8ClampedArray, { width: number; height: number; stats: ReturnType<typeof countRed> }>();

function redStats(rgba: Uint8ClampedArray, width: number, height: number) {
  const had = statsOf.get(rgba);
  if (had && had.width === width && had.height === height) return had.stats;
  const stats = countRed(rgba, width, height);
  statsOf.set(rgba, { width, height, stats });
  return stats;
}

function countRed(rgba: Uint8ClampedArray, width: number, height: number) {
  const n = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new RangeError("bad image size");
  if (rgba.length !== 4 * n) throw new RangeError(`expected ${4 * n} RGBA bytes, got ${rgba.length}`);
  const counts = new Uint32Array(256);
  for (let i = 0; i < n; i++) counts[rgba[4 * i]]++;
  const nth = (rank: number) => { // byte value of the rank-th smallest red (0-based)
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += counts[v]) > rank) return v;
    return 255;
  };
  const median = n % 2 ? nth((n - 1) / 2) / 255 : (nth(n / 2 - 1) / 255 + nth(n / 2) / 255) / 2;
  const gray = new Float32Array(256); // centred value of each byte, as stored
  for (let v = 0; v < 256; v++) gray[v] = v / 255 - median;
  return { n, counts, median, gray };
}

/**
 * Red channel / 255 minus its median (the seed's `[:,:,0]/255.` then
 * `-= np.median`). The median is exact: found by counting the 256 byte
 * values; for an even count it is the mean of the two middle values.
 */
export function imageToCentredGray(rgba: Uint8ClampedArray, width: number, height: number): Float32Array {
  const { n, gray: lut } = redStats(rgba, width, height);
  const gray = new Float32Array(n);
  for (let i = 0; i < n; i++) gray[i] = lut[rgba[4 * i]];
  return gray;
}

/** The activation applied to every pixel (the seed's double pixel loop). */
export function applyToImage(act: Activation, p: ActivationParams, gray: Float32Array, out?: Float32Array): Float32Array {
  return applyToArray(act, p, gray, out ?? new Float32Array(gray.length));
}

/**
 * Grayscale RGBA bytes for canvas ImageData, scaled like matplotlib's imshow
 * with cmap='gray': t = (v - lo) / (hi - lo), byte = min(255, floor(256 t)),
 * clipped to [0, 255]. The domain defaults to [min, max] of the values; if
 * lo === hi every pixel is 0 (as matplotlib draws it). NaN pixels are
 * transparent.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function toDisplayBytes(values: Float32Array, domain?: [number, number]): Uint8ClampedArray {
  const [lo, hi] = domain ?? minMax(values);
  const scale = hi > lo ? 256 / (hi - lo) : 0;
  const n = values.length;
  const bytes = new Uint8ClampedArray(n * 4);
  if (LITTLE_ENDIAN) { // one 32-bit word per pixel: A B G R
    const words = new Uint32Array(bytes.buffer);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let g = Math.floor((v - lo) * scale);
      g = g > 0 ? (g < 255 ? g : 255) : 0; // NaN -> 0
      words[i] = v === v ? (0xff000000 | (g << 16) | (g << 8) | g) >>> 0 : 0;
    }
    return bytes;
  }
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = values[i];
    const g = Math.floor((v - lo) * scale); // clamped to 0..255 by the array; NaN -> 0
    bytes[j] = bytes[j + 1] = bytes[j + 2] = v === v ? g : 0;
    bytes[j + 3] = v === v ? 255 : 0;
  }
  return bytes;
}

/** [min, max] ignoring NaN ([Infinity, -Infinity] if there is nothing). */
function minMax(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export interface ImagePanels {
  gray: Float32Array;
  activated: Float32Array;
  grayBytes: Uint8ClampedArray;
  activatedBytes: Uint8ClampedArray;
}

/**
 * The two image panels in one pass, identical to
 * imageToCentredGray -> applyToImage -> toDisplayBytes (each). A pixel's value
 * depends only on its red byte, so the activation and the display scaling are
 * computed once per byte value (256 tables) instead of once per pixel.
 */
export function imagePanels(act: Activation, p: ActivationParams, rgba: Uint8ClampedArray, width: number, height: number): ImagePanels {
  const { n, counts, gray: lutGray } = redStats(rgba, width, height);
  const lutAct = applyToImage(act, p, lutGray);
  const wordGray = displayWords(lutGray, counts);
  const wordAct = displayWords(lutAct, counts);
  const gray = new Float32Array(n);
  const activated = new Float32Array(n);
  const grayBytes = new Uint8ClampedArray(4 * n);
  const activatedBytes = new Uint8ClampedArray(4 * n);
  const g32 = new Uint32Array(grayBytes.buffer);
  const a32 = new Uint32Array(activatedBytes.buffer);
  for (let i = 0; i < n; i++) {
    const v = rgba[4 * i];
    gray[i] = lutGray[v];
    activated[i] = lutAct[v];
    g32[i] = wordGray[v];
    a32[i] = wordAct[v];
  }
  return { gray, activated, grayBytes, activatedBytes };
}

/** Display word (RGBA as one 32-bit word) per byte value, scaled over the values present in the picture. */
function displayWords(lut: Float32Array, counts: Uint32Array): Uint32Array {
  const used = new Float32Array(256);
  let m = 0;
  for (let v = 0; v < 256; v++) if (counts[v]) used[m++] = lut[v];
  return new Uint32Array(toDisplayBytes(lut, minMax(used.subarray(0, m))).buffer);
}

/**
 * Only the activated picture's bytes, the same as imagePanels(...).activatedBytes: what a slider
 * move redraws (the picture before the activation does not change with it). The picture's byte
 * counts are kept per picture, so a move costs one pass over the pixels.
 */
export function activatedImageBytes(act: Activation, p: ActivationParams, rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const { n, counts, gray: lutGray } = redStats(rgba, width, height);
  const word = displayWords(applyToImage(act, p, lutGray), counts);
  const bytes = new Uint8ClampedArray(4 * n);
  const a32 = new Uint32Array(bytes.buffer);
  for (let i = 0; i < n; i++) a32[i] = word[rgba[4 * i]];
  return bytes;
}

/** How the explorer draws its 1,000 samples: the lesson's uniform cloud, or a normal one, widened by `spread`. */
export type SampleDistribution = "uniform" | "normal";
export interface SampleSettings { distribution: SampleDistribution; spread: number; fixedAxis: boolean }
/** The lesson's own samples: uniform in [-0.5, 0.5), spread 1, the "after" axis fitted to the values. */
export const LESSON_SAMPLING: SampleSettings = { distribution: "uniform", spread: 1, fixedAxis: false };
export const SPREAD_RANGE = { min: 0.5, max: 20, step: 0.5 } as const;

/**
 * n samples centred on 0. Uniform: the lesson's cloud (centredSamples) times `spread`, so spread 1
 * is exactly the lesson and spread s covers about [-s/2, s/2). Normal: standard normal draws, minus
 * their mean, times spread / sqrt(12): the same standard deviation as the uniform cloud of that
 * spread, with tails that reach further.
 */
export function spreadSamples(seed: number, s: Pick<SampleSettings, "distribution" | "spread">, n = 1000): Float64Array {
  if (!(s.spread > 0) || !Number.isFinite(s.spread)) throw new RangeError("spread must be a positive number");
  if (s.distribution === "uniform") {
    const xs = centredSamples(seed, n);
    if (s.spread !== 1) for (let i = 0; i < n; i++) xs[i] *= s.spread;
    return xs;
  }
  const rng = makeRng(seed);
  const xs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] = rng.normal();
  const mean = n > 0 ? sum / n : 0;
  const k = s.spread / Math.sqrt(12);
  for (let i = 0; i < n; i++) xs[i] = (xs[i] - mean) * k;
  return xs;
}

/**
 * A fixed axis for the "after" histogram: the function's output range where it is bounded
 * (sigmoid [0, 1], tanh [-1, 1], step [0, 1], ELU from -alpha...), and where it is not, the value
 * the function takes at the end of the inputs (ReLU up to f(max input)). So a squeezed output
 * shows as squeezed instead of being stretched over the whole axis.
 */
export function outputAxis(act: Activation, p: ActivationParams, inputs: ArrayLike<number>): [number, number] {
  let [lo, hi] = minMax(inputs);
  if (!(lo <= hi)) [lo, hi] = [-0.5, 0.5];
  // ELU's floor is -alpha (act.range holds it for the default alpha)
  const [rlo, rhi] = act.id === "elu" ? [-(p.alpha ?? 1), Infinity] : act.range;
  const flo = act.output(lo, p);
  const fhi = act.output(hi, p);
  const a0 = Number.isFinite(rlo) ? Math.min(rlo, flo, fhi) : Math.min(flo, fhi);
  const b0 = Number.isFinite(rhi) ? Math.max(rhi, flo, fhi) : Math.max(flo, fhi);
  return a0 < b0 ? [a0, b0] : [a0 - 0.5, b0 + 0.5];
}
