/** The sentences of lib/a11y/chart-text/net.ts's facts (the wording is in messages/<locale>/charttext.json). */
import type { DiagramFacts, GradientFacts, PointsFacts, UnitPlace } from "./net";
import type { T } from "./sentences";

/** Misses named up to this many; the rest counted. */
const NAMED = 4;

/** "your own points: 6 of 8 points on their correct side; wrong: (0.5, 0.4), (0.1, 0.9)". */
export function pointsSentence(t: T, name: string, f: PointsFacts): string {
  const head = t("points", { name, correct: f.correct, total: f.total });
  if (!f.misses.length) return head;
  const more = f.misses.length > NAMED ? t("pointsMore", { count: f.misses.length - NAMED }) : "";
  return head + t("pointsMisses", { points: f.misses.slice(0, NAMED).join(", ") }) + more;
}

export const gradientText = (v: number) => (v === 0 ? "0" : v.toExponential(1));

/** "epoch 3000: mean |gradient| hidden layer 1 exactly 0 in every epoch, output from 1.2e-1 to 3.4e-3". */
export function gradientSentence(t: T, names: readonly string[], f: GradientFacts): string {
  if (!f.epoch) return t("gradientNone");
  const list = f.layers.map((l, i) => (l.alwaysZero
    ? t("gradientLayerZero", { name: names[i] ?? String(i + 1) })
    : t("gradientChange", { name: names[i] ?? String(i + 1), from: gradientText(l.first), to: gradientText(l.last) }))).join(", ");
  return t("gradient", { epoch: f.epoch, list });
}

/** "4 hidden units; dead: hidden 2; saturated: none; the output leans most on hidden 3 (weight −4.2)". */
export function diagramSentence(t: T, num: (v: number) => string, name: (p: UnitPlace) => string, f: DiagramFacts): string {
  const list = (places: UnitPlace[]) => (places.length ? places.map(name).join(", ") : t("diagramNone"));
  return t("diagram", { units: f.units, dead: list(f.dead), saturated: list(f.saturated), strongest: name(f.strongest.place), weight: num(f.strongest.weight) });
}
