import { interpolateRdBu, rdbuRgb } from "@/lib/util/rdbu";

/** Class colours (the app's colour-blind-safe pair): 1 / true = orange, 0 / false = blue. */
export const CLASS_COLOR = { 1: "#d6604d", 0: "#2166ac" } as const;
export const LINE_COLOR = "#1d1d1f";

/** Background shade for an output in [0, 1]: light blue at 0, white at 0.5, light orange at 1. */
export function heatColor(v: number): string {
  return interpolateRdBu(heatAt(v));
}
const heatAt = (v: number) => 0.5 - 0.4 * (Math.min(Math.max(v, 0), 1) - 0.5);

/** 256-entry RGB lookup table of heatColor, for filling ImageData fast. */
export const HEAT_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = rdbuRgb(heatAt(i / 255));
    lut[3 * i] = r;
    lut[3 * i + 1] = g;
    lut[3 * i + 2] = b;
  }
  return lut;
})();
