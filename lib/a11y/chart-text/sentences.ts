/**
 * The one-sentence summaries, put together from facts with the app's messages (namespace chartText).
 * `t` is next-intl's translator for that namespace; `num` formats a number for the reader's language.
 */
import type { CurveFacts } from "./curve";
import type { DecisionFacts } from "./decision";
import type { HistogramFacts } from "./histogram";
import { MASS } from "./histogram";
import type { ImageFacts } from "./image";
import type { SurfaceFacts } from "./surface";
import type { TrainingFacts } from "./training";
import type { WeightFacts } from "./weights";

export type Values = Record<string, string | number>;
export type T = (key: string, values?: Values) => string;
export type Num = (v: number) => string;

const pct = (v: number) => String(Math.round(v * 100));

/** `kind: "function"` flat means no slope; `"derivative"` flat means near 0 (the gradient is gone). */
export function curveSentence(t: T, num: Num, name: string, f: CurveFacts, kind: "function" | "derivative"): string {
  const shape = t(`shape.${f.shape}`, {
    from: num(f.from), to: num(f.to), low: num(f.low), lowAt: num(f.lowAt), high: num(f.high), highAt: num(f.highAt),
    at: num(f.steepestFrom),
  });
  let steep = "";
  if (f.shape !== "flat" && f.shape !== "jump" && kind === "function") {
    const slope = num(f.slope);
    steep = f.constantSlope ? t("constant", { slope })
      : f.steepestFrom === f.steepestTo ? t("steepest", { at: num(f.steepestFrom), slope })
      : t("steepestStretch", { from: num(f.steepestFrom), to: num(f.steepestTo), slope });
  }
  const word = kind === "function" ? "flat" : "nearZero";
  let flat = "";
  if (f.shape !== "flat" && (f.shape !== "jump" || kind === "derivative")) {
    const { flatBelow: lo, flatAbove: hi } = f;
    if (lo !== null && hi !== null) flat = lo === -hi ? t(`${word}.both`, { x: num(hi) }) : t(`${word}.apart`, { lo: num(lo), hi: num(hi) });
    else if (lo !== null) flat = t(`${word}.below`, { x: num(lo) });
    else if (hi !== null) flat = t(`${word}.above`, { x: num(hi) });
  }
  return t(kind, { name, rest: shape + steep + flat });
}

/** The samples before the activation (`after` undefined), or after it with how many were flattened. */
export function histogramSentence(t: T, num: Num, f: HistogramFacts, after?: { name: string; flattened: number }): string {
  const v = { total: f.total, min: num(f.min), max: num(f.max), mass: pct(MASS), from: num(f.massFrom), to: num(f.massTo) };
  const pile = f.piled ? t("pile", { share: pct(f.peakShare), at: num(f.peakAt) }) : "";
  if (!after) return t("samples", v) + pile;
  return t("activated", { ...v, name: after.name }) + pile + t("flattened", { count: after.flattened });
}

export function imageSentence(t: T, f: ImageFacts, v: { image: string; width: number; height: number; name?: string }): string {
  const facts = { mean: pct(f.mean), dark: pct(f.dark), bright: pct(f.bright) };
  return v.name === undefined ? t("image", { ...v, ...facts }) : t("activatedImage", { ...v, name: v.name, ...facts });
}

/** Which corners the line separates, then which it misses. */
export function decisionSentence(t: T, gate: string, f: DecisionFacts): string {
  const split = !f.ones.length ? t("allSide", { side: 0 }) : !f.zeros.length ? t("allSide", { side: 1 })
    : t("separates", { zeros: f.zeros.join(", "), ones: f.ones.join(", ") });
  return t("decision", { gate, split }) + missesPart(t, f);
}

export const missesPart = (t: T, f: DecisionFacts) => (f.misses.length ? t("misses", { points: f.misses.join(", ") }) : t("allRight"));

/** The live curve: "epoch 40 of 100: accuracy 75 %, the line misses (1,1)" (`decision` adds the misses). */
export function trainingSentence(t: T, f: TrainingFacts, decision?: DecisionFacts): string {
  const head = f.epoch ? t("training", { epoch: f.epoch, total: f.total, accuracy: pct(f.accuracy) }) : t("notStarted", { total: f.total });
  return head + (decision ? missesPart(t, decision) : f.epoch ? t("best", { best: pct(f.best), at: f.bestAt }) : "");
}

/** The board's accuracy histogram: how many students at each accuracy, fullest first. */
export function accuracyCountsSentence(t: T, bins: readonly number[], counts: readonly number[]): string {
  const total = counts.reduce((s, c) => s + c, 0);
  if (!total) return t("countsNone");
  const parts = counts.map((c, i) => ({ c, i })).filter((d) => d.c > 0).sort((a, b) => b.i - a.i)
    .map((d) => t("countAt", { count: d.c, accuracy: pct(bins[d.i]) }));
  return t("counts", { total, list: parts.join(", ") });
}

/** The weights over training: "epoch 60 of 100: w1 from 0.12 to 1.4, …; b moved most; unchanged since epoch 12". */
export function weightsSentence(t: T, num: Num, f: WeightFacts): string {
  if (!f.epoch) return t("weightsStart", { total: f.total, list: f.series.map((s) => t("weightAt", { name: s.name, value: num(s.from) })).join(", ") });
  const list = f.series.map((s) => t("weightFrom", { name: s.name, from: num(s.from), to: num(s.to) })).join(", ");
  const moved = f.moved ? t("weightsMoved", { name: f.moved }) : "";
  const settled = f.lastChange < f.epoch ? (f.lastChange ? t("weightsSettled", { at: f.lastChange }) : t("weightsNeverMoved")) : "";
  return t("weights", { epoch: f.epoch, total: f.total, list }) + moved + settled;
}

/** The 3D output surface: its range, where it is highest and lowest, the share at 0.5 or more, the corners. */
export function surfaceSentence(t: T, num: Num, f: SurfaceFacts): string {
  const corners = ["(0,0)", "(0,1)", "(1,0)", "(1,1)"].map((point, k) => t("surfaceCorner", { point, value: num(f.corners[k]) })).join(", ");
  if (num(f.low) === num(f.high)) return t("surfaceFlat", { value: num(f.high) });
  return t("surface", {
    low: num(f.low), high: num(f.high), hx1: num(f.highAt[0]), hx2: num(f.highAt[1]), lx1: num(f.lowAt[0]), lx2: num(f.lowAt[1]),
    share: pct(f.above), corners,
  });
}

/** Numbers as the sentences show them: up to 2 decimals, and no "-0" for a tiny negative. */
export function numberText(locale: string): Num {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (v) => f.format(Math.abs(v) < 0.005 ? 0 : v);
}
