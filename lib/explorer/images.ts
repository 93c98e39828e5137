/**
 * Pictures for the activation explorer, drawn by code (nothing binary is
 * shipped or downloaded), plus the pure checks for a student's own upload.
 * Every generator is deterministic: same id and size, same bytes.
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row by row, R G B A. */
  data: Uint8ClampedArray;
}

export const BUNDLED_IMAGES = ["portrait", "shapes", "texture"] as const;
export type BundledImageId = (typeof BUNDLED_IMAGES)[number];

/** Upload limits: the file, its decoded size, and the size we work at. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_SIDE = 4096;
export const WORK_SIDE = 512;

export type UploadError = "notAnImage" | "fileTooLarge" | "imageTooLarge";

/** Before decoding: only image types (an unknown type is left to the decoder), at most 10 MB. */
export function checkUploadFile(file: { type: string; size: number }): UploadError | null {
  if (file.size === 0) return "notAnImage";
  if (file.type && !file.type.startsWith("image/")) return "notAnImage";
  if (file.size > MAX_UPLOAD_BYTES) return "fileTooLarge";
  return null;
}

/** After decoding: a real picture, no side over 4096 px. */
export function checkImageSize(width: number, height: number): UploadError | null {
  if (!(width >= 1 && height >= 1)) return "notAnImage";
  if (width > MAX_UPLOAD_SIDE || height > MAX_UPLOAD_SIDE) return "imageTooLarge";
  return null;
}

/** The size to draw at: scaled down (never up) so the longer side is at most `max`. */
export function fitWithin(width: number, height: number, max = WORK_SIDE): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** A fixed pseudo-random value in [0, 1) per pixel (integer hash, same everywhere). */
export function pixelNoise(x: number, y: number, seed = 0): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

type Rgb = [number, number, number];
type Shader = (u: number, v: number, x: number, y: number) => Rgb;

function render(size: number, shade: Shader): RgbaImage {
  if (!Number.isInteger(size) || size < 8 || size > 2048) throw new RangeError("size must be an integer in 8..2048");
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0, j = 0; y < size; y++) {
    for (let x = 0; x < size; x++, j += 4) {
      const [r, g, b] = shade((x + 0.5) / size, (y + 0.5) / size, x, y);
      data[j] = r; data[j + 1] = g; data[j + 2] = b; data[j + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];
const smooth = (e0: number, e1: number, x: number) => { const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0))); return t * t * (3 - 2 * t); };
/** Lambert light from the upper left for a bump with normal (nx, ny, nz). */
const LIGHT = (() => { const l = [-0.45, -0.55, 0.7]; const n = Math.hypot(...l); return l.map((c) => c / n); })();
const lit = (nx: number, ny: number, nz: number) => 0.22 + 0.78 * Math.max(0, nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2]);

/** A soft-lit head and shoulders: a shaded ellipsoid face with eyes, brows, mouth and hair. */
const portrait: Shader = (u, v, x, y) => {
  const grain = (pixelNoise(x, y, 1) - 0.5) * 10;
  let c: Rgb = mix([70, 96, 140], [20, 28, 48], v); // backdrop
  const sx = (u - 0.5) / 0.42, sy = (v - 1.05) / 0.3; // shoulders
  if (sx * sx + sy * sy < 1) c = scale([60, 70, 110], lit(sx, sy, Math.sqrt(1 - sx * sx - sy * sy)) + 0.1);
  const hx = (u - 0.5) / 0.25, hy = (v - 0.46) / 0.32; // head
  const d = hx * hx + hy * hy;
  if (d < 1) {
    const nz = Math.sqrt(1 - d);
    c = scale([236, 196, 164], lit(hx, hy, nz));
    if (hy < -0.45 + 0.25 * hx * hx || (Math.abs(hx) > 0.88 && hy < 0.2)) c = scale([92, 58, 36], lit(hx, hy, nz) + 0.15); // hair
    for (const ex of [-0.38, 0.38]) {
      const eu = (hx - ex) / 0.17, ev = (hy + 0.05) / 0.09;
      if (eu * eu + ev * ev < 1) c = eu * eu + ev * ev < 0.3 ? [30, 22, 18] : [235, 232, 226];
      const bu = (hx - ex) / 0.22, bv = (hy + 0.27 - 0.08 * bu * bu) / 0.035; // brows
      if (bu * bu + bv * bv < 1) c = [70, 44, 30];
    }
    const my = hy - 0.45 + 0.9 * hx * hx; // a smile
    if (Math.abs(hx) < 0.34 && Math.abs(my) < 0.025 + 0.03 * (1 - Math.abs(hx) / 0.34)) c = [160, 60, 62];
  }
  return [c[0] + grain, c[1] + grain, c[2] + grain];
};

/** A diagonal gradient behind a shaded ball, a square and a triangle. */
const shapes: Shader = (u, v) => {
  let c = mix([240, 210, 120], [40, 60, 130], smooth(0, 1, (u + v) / 2));
  if (u > 0.08 && u < 0.42 && v > 0.55 && v < 0.89) c = mix([200, 40, 40], [120, 20, 30], (v - 0.55) / 0.34); // square
  const tv = (v - 0.12) / 0.38, half = 0.17 * tv; // triangle, apex at top
  if (tv > 0 && tv < 1 && Math.abs(u - 0.27) < half) c = [250, 250, 245];
  const bx = (u - 0.68) / 0.24, by = (v - 0.6) / 0.24; // ball
  const d = bx * bx + by * by;
  if (d < 1) c = scale([90, 170, 220], lit(bx, by, Math.sqrt(1 - d)) + 0.05);
  return c;
};

/** A checkerboard that fades into ripples, with fine grain: lots of edges. */
const texture: Shader = (u, v, x, y) => {
  const checker = (Math.floor(u * 8) + Math.floor(v * 8)) % 2 ? 215 : 45;
  const r = Math.hypot(u - 0.5, v - 0.5);
  const ripple = 128 + 100 * Math.sin(r * 60);
  const t = smooth(0.15, 0.45, r);
  const g = checker * t + ripple * (1 - t) + (pixelNoise(x, y, 3) - 0.5) * 40;
  return [g, g * 0.95, g * 0.85];
};

const SHADERS: Record<BundledImageId, Shader> = { portrait, shapes, texture };

/** One of the bundled pictures, `size` x `size` pixels. */
export function makeBundledImage(id: BundledImageId, size = 256): RgbaImage {
  return render(size, SHADERS[id]);
}
