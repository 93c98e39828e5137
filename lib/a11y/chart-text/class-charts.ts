/**
 * Facts of the class charts: the board's overlay of every student's line, and the dashboard's
 * score distribution, completion and answer bars. Pure; the words are in ./class-sentences.
 */
import { GATE_INPUTS, gateLabels, type GateId } from "../../nn/gates";
import type { Perceptron } from "../../nn/perceptron";
import { corner, decisionFacts, READING_ORDER } from "./decision";
import type { LabelledPoint } from "../../nn/custom-points";
import { nameOf, pointSides } from "./class-points";

export interface OverlayFacts {
  students: number;
  /** Students with a line drawn, and how many of those lines put all four points on their side. */
  lines: number;
  separating: number;
  /** Per point, "(x1,x2)" in (0,0), (0,1), (1,0), (1,1) order: how many lines put it on the wrong side. */
  missed: { point: string; lines: number }[];
}

export function overlayFacts(models: readonly Perceptron[], gate: GateId, students: number): OverlayFacts {
  const missed = new Map<string, number>(READING_ORDER.map((k) => [corner(GATE_INPUTS[k]), 0]));
  let separating = 0;
  for (const m of models) {
    const { misses } = decisionFacts(m, gate);
    if (!misses.length) separating++;
    for (const p of misses) missed.set(p, missed.get(p)! + 1);
  }
  return { students, lines: models.length, separating, missed: [...missed].map(([point, lines]) => ({ point, lines })) };
}

/** The overlay's data table: per point (reading order) its target, the lines right and the lines wrong. */
export function overlayRows(f: OverlayFacts, gate: GateId): (string | number)[][] {
  const labels = gateLabels(gate);
  const target = new Map(GATE_INPUTS.map((p, k) => [corner(p), labels[k]]));
  return f.missed.map((m) => [m.point, target.get(m.point)!, f.lines - m.lines, m.lines]);
}

/** A count with its name, e.g. one bin of a bar or one answer. */
export interface Count { name: string; count: number }

export interface CountFacts {
  total: number;
  /** The non-empty counts, largest first (ties in their given order). */
  parts: Count[];
  /** The names sharing the largest count (empty when every count is 0). */
  largest: string[];
  most: number;
}

export function countFacts(counts: readonly Count[]): CountFacts {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const parts = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  const most = parts[0]?.count ?? 0;
  return { total, parts, largest: most ? parts.filter((c) => c.count === most).map((c) => c.name) : [], most };
}

export interface ShareFacts {
  /** Each row's counts (e.g. an exercise's students per score bin), in the given order. */
  rows: { label: string; facts: CountFacts }[];
  /** The row with the largest share in `key` (first on a tie), null when no row has any. */
  top: { label: string; count: number; total: number } | null;
}

/** Rows of counts (an exercise each) and which row leads in the bin `key`, by share of its row. */
export function shareFacts(rows: readonly { label: string; counts: readonly Count[] }[], key: string): ShareFacts {
  let top: ShareFacts["top"] = null;
  const out = rows.map((r) => {
    const facts = countFacts(r.counts);
    const count = r.counts.find((c) => c.name === key)?.count ?? 0;
    if (count > 0 && (!top || count / facts.total > top.count / top.total)) top = { label: r.label, count, total: facts.total };
    return { label: r.label, facts };
  });
  return { rows: out, top };
}

export interface CompletionFacts {
  enrolled: number;
  /** Per exercise: students who had solved it by the end. */
  solved: { label: string; solved: number }[];
  /** The most solved exercise (first on a tie), null when none was. */
  top: { label: string; solved: number } | null;
}

export function completionFacts(series: readonly { label: string; points: readonly { solved: number }[] }[], enrolled: number): CompletionFacts {
  const solved = series.map((s) => ({ label: s.label, solved: s.points.at(-1)?.solved ?? 0 }));
  const top = solved.reduce<CompletionFacts["top"]>((a, s) => (s.solved > (a?.solved ?? 0) ? s : a), null);
  return { enrolled, solved, top };
}

/** The class's hidden-unit lines over the XOR points: which points each line sets apart. */
export interface CutFacts {
  lines: number;
  nets: number;
  solved: number;
  /** Per cut (the points on a line's smaller side, "" when all four are on one side), largest first. */
  cuts: { points: string[]; lines: number; inSolved: number }[];
}

/**
 * A line sets apart the points on its smaller side (with two on each side, the two without (0,0)):
 * an OR-like unit sets apart (0,0), an AND-like one (1,1). `net` names the line's
 * network, `solved` whether that network solved XOR. `points`: the class's own points instead of
 * XOR's four (named "(x1, x2)"; with as many on each side, the side without the first point).
 */
export function cutFacts(lines: readonly { net: string; model: Perceptron; solved: boolean }[], points?: readonly LabelledPoint[]): CutFacts {
  const cuts = new Map<string, { points: string[]; lines: number; inSolved: number }>();
  for (const l of lines) {
    const { ones, zeros } = points ? pointSides(l.model, points) : decisionFacts(l.model, "XOR");
    const first = points?.length ? nameOf(points[0]) : "(0,0)";
    const side = ones.length === zeros.length ? (ones.includes(first) ? zeros : ones) : ones.length < zeros.length ? ones : zeros;
    const key = side.join(" ");
    const c = cuts.get(key) ?? { points: side, lines: 0, inSolved: 0 };
    c.lines++;
    if (l.solved) c.inSolved++;
    cuts.set(key, c);
  }
  const nets = new Set(lines.map((l) => l.net));
  const solved = new Set(lines.filter((l) => l.solved).map((l) => l.net));
  return { lines: lines.length, nets: nets.size, solved: solved.size, cuts: [...cuts.values()].sort((a, b) => b.lines - a.lines) };
}
