/**
 * The class charts in one sentence (namespace chartText): the board's overlay of every student's
 * line, and the dashboard's score distribution, completion and answer bars. Facts from ./class-charts.
 */
import type { CompletionFacts, Count, CountFacts, CutFacts, OverlayFacts, ShareFacts } from "./class-charts";
import type { T } from "./sentences";
import type { ClassPointsFacts } from "./class-points";

const pct = (v: number) => String(Math.round(v * 100));
const partsOf = (t: T, parts: readonly Count[], name: (n: string) => string = (n) => n) =>
  parts.map((p) => t("part", { name: name(p.name), count: p.count })).join(", ");

/** "AND: 3 of 4 students have a line, 2 separate all four points; missed most: (1,1) by 1 line". */
export function overlaySentence(t: T, gate: string, f: OverlayFacts): string {
  if (!f.lines) return t("overlayNone", { gate, students: f.students });
  const missed = f.missed.filter((m) => m.lines > 0).sort((a, b) => b.lines - a.lines)
    .map((m) => t("overlayMissedPoint", { point: m.point, count: m.lines })).join(", ");
  return t("overlay", { gate, lines: f.lines, students: f.students, separating: f.separating }) + (missed ? t("overlayMissed", { list: missed }) : "");
}

/** The score distribution: per exercise its students per bin (largest first), then which exercise has the most full marks. */
export function distributionSentence(t: T, f: ShareFacts, bin: (key: string) => string, topBin: string): string {
  const rows = f.rows.map((r) => (r.facts.total ? t("row", { label: r.label, parts: partsOf(t, r.facts.parts, bin) }) : t("rowEmpty", { label: r.label })));
  return rows.join("; ") + (f.top ? t("distributionTop", { bin: bin(topBin), label: f.top.label, count: f.top.count, total: f.top.total }) : "");
}

/** Completion: per exercise how many of the class solved it, then the most solved. */
export function completionSentence(t: T, f: CompletionFacts): string {
  const list = f.solved.map((s) => t("completionItem", { label: s.label, solved: s.solved, enrolled: f.enrolled, share: pct(f.enrolled ? s.solved / f.enrolled : 0) }));
  return t("completion", { enrolled: f.enrolled, list: list.join("; ") }) + (f.top ? t("completionTop", { label: f.top.label }) : "");
}

/** Answer bars: each answer's count as drawn, the total, and the largest. */
export function answersSentence(t: T, unit: string, f: CountFacts, shown: readonly Count[]): string {
  if (!f.total) return t("answersNone", { unit });
  return t("answers", { unit, list: partsOf(t, shown), total: f.total }) + t("answersLargest", { names: f.largest.join(", "), count: f.most });
}

/** "12 hidden-unit lines from 6 networks, 4 solved XOR; they set apart: (1,1) 5, (0,0) 4, …". */
export function cutsSentence(t: T, f: CutFacts, onPoints = false): string {
  if (!f.lines) return t("cutsNone");
  const list = f.cuts.map((c) => t("cut", { points: c.points.length ? c.points.join(" ") : t("cutNothing"), count: c.lines })).join(", ");
  return t(onPoints ? "cutsPoints" : "cuts", { lines: f.lines, nets: f.nets, solved: f.solved, list });
}

/** "The class's 6 points: class 1 at (0.8, 0.7), …; class 0 at …; one straight line can separate them." */
export function classPointsSentence(t: T, f: ClassPointsFacts): string {
  return t("classPoints", { total: f.total, ones: f.ones.join(", "), zeros: f.zeros.join(", ") }) + t(f.separable ? "classPointsSeparable" : "classPointsNotSeparable");
}
