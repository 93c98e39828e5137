// What the live board shows, as pure data: when a class is large enough for the dense grid, the
// status bands, filtering and searching students, the virtualised grid's window, which students
// actually chose an activation (not the one every explorer opens with), and the offsets that keep
// two identical decision lines apart. No I/O, no DOM.
import type { BoardTile, ProgressState, TileStatus } from "../live/session-protocol";

/** Above this many students the board shows the dense grid instead of a tile per student. */
export const DENSE_AT = 60;

export const isDense = (students: number): boolean => students > DENSE_AT;

/** Status order on the board: from not started to done, offline last. */
export const STATUS_ORDER: readonly TileStatus[] = ["joined", "working", "submitted", "correct", "disconnected"];

/** How many students are in each status (every status present, zero or more). */
export function statusCounts(tiles: readonly BoardTile[]): Record<TileStatus, number> {
  const out: Record<TileStatus, number> = { joined: 0, working: 0, submitted: 0, correct: 0, disconnected: 0 };
  for (const t of tiles) out[t.status]++;
  return out;
}

/** One band per status that has students (`counts`: statusCounts): its share of the class, from left to right. */
export function statusBands(counts: Readonly<Record<TileStatus, number>>): { status: TileStatus; count: number; x0: number; x1: number }[] {
  const total = STATUS_ORDER.reduce((a, s) => a + counts[s], 0) || 1;
  let acc = 0;
  const out = [];
  for (const status of STATUS_ORDER) {
    const count = counts[status];
    if (!count) continue;
    out.push({ status, count, x0: acc / total, x1: (acc + count) / total });
    acc += count;
  }
  return out;
}

/** The same counts per status. */
export const sameCounts = (a: Readonly<Record<TileStatus, number>>, b: Readonly<Record<TileStatus, number>>): boolean =>
  STATUS_ORDER.every((s) => a[s] === b[s]);

/**
 * The same students in the same order with the same names and presence: what the controls and the
 * help list show of the tiles (progress changes on every flush; this rarely does).
 */
export function sameRoster(a: readonly BoardTile[], b: readonly BoardTile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x !== y && (x.userId !== y.userId || x.nickname !== y.nickname || x.online !== y.online)) return false;
  }
  return true;
}

/** Lower case, accents and width folded, spaces trimmed: "  ÁNA " and "ana" match. */
export function foldName(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase().trim();
}

export interface TileFilter {
  /** "all", or one status. */
  status: TileStatus | "all";
  /** Part of the shown name (nickname, or alias in projector mode). */
  query: string;
}

/** The tiles that match the status and whose shown name contains the query; order kept. */
export function filterTiles<T extends BoardTile>(tiles: readonly T[], names: ReadonlyMap<string, string>, f: TileFilter): T[] {
  const q = foldName(f.query);
  if (f.status === "all" && !q) return tiles as T[];
  return tiles.filter((t) => (f.status === "all" || t.status === f.status) && (!q || foldName(names.get(t.userId) ?? t.nickname).includes(q)));
}

/** The grid's columns for a width (at least one), and the rows to render for a scroll position. */
export function gridColumns(width: number, cellWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (cellWidth + gap)));
}

/** The rows [first, last) visible in a viewport of `height` scrolled to `scrollTop`, plus `overscan` rows each side. */
export function visibleRows(count: number, columns: number, rowHeight: number, scrollTop: number, height: number, overscan = 3): { first: number; last: number; rows: number } {
  const rows = Math.ceil(count / Math.max(1, columns));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last: Math.max(first, last), rows };
}

/** The activation explorer's opening view: the first offered function with its default parameters. */
export interface ActivationStart { activation: string; threshold: number; alpha: number }

/** True when this progress is something else than what the explorer opens with: the student changed something. */
export function movedFromStart(p: ProgressState | null, start: ActivationStart): boolean {
  if (!p || p.type !== "ACTIVATION") return false;
  return p.activation !== start.activation || p.threshold !== start.threshold || p.alpha !== start.alpha;
}

/**
 * Which students have explored: once a student's progress differs from the opening view, they are
 * explorers for the rest of the exercise (coming back to the first function is then a choice).
 * Returns the updated set (the same object when nothing changed).
 */
export function updateExplorers(explorers: ReadonlySet<string>, tiles: readonly BoardTile[], start: ActivationStart): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const t of tiles) {
    if (explorers.has(t.userId) || !movedFromStart(t.progress, start)) continue;
    next ??= new Set(explorers);
    next.add(t.userId);
  }
  return next ?? explorers;
}

/** The activation each explorer looks at now, counted; students still on the opening view are counted apart. */
export function chosenActivations<K extends string>(keys: readonly K[], tiles: readonly BoardTile[], explorers: ReadonlySet<string>): { counts: Record<K, number>; untouched: number } {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  let untouched = 0;
  for (const t of tiles) {
    if (t.progress?.type !== "ACTIVATION") continue;
    if (!explorers.has(t.userId)) {
      untouched++;
      continue;
    }
    const a = t.progress.activation as K;
    if (a in counts) counts[a]++;
  }
  return { counts, untouched };
}

/**
 * Identical lines (same w and b up to `digits` decimals, after scaling so that |w| + |b| = 1)
 * would hide each other: each member of a group of k gets an offset index centred on zero
 * (-0.5, 0.5 for two; -1, 0, 1 for three), to draw them side by side. Keys are the input's ids.
 */
export function lineOffsets(lines: readonly { id: string; w: readonly [number, number]; b: number }[], digits = 3): Map<string, { offset: number; group: number }> {
  const groups = new Map<string, string[]>();
  for (const l of lines) {
    const s = Math.abs(l.w[0]) + Math.abs(l.w[1]) + Math.abs(l.b) || 1;
    const key = [l.w[0] / s, l.w[1] / s, l.b / s].map((v) => (v + 0).toFixed(digits)).join("|");
    const g = groups.get(key);
    if (g) g.push(l.id);
    else groups.set(key, [l.id]);
  }
  const out = new Map<string, { offset: number; group: number }>();
  for (const ids of groups.values()) ids.forEach((id, i) => out.set(id, { offset: i - (ids.length - 1) / 2, group: ids.length }));
  return out;
}

/** A segment moved sideways by `px` (perpendicular to it), in screen coordinates. */
export function shiftSegment(seg: readonly [readonly [number, number], readonly [number, number]], px: number): [[number, number], [number, number]] {
  const [[x1, y1], [x2, y2]] = seg;
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const nx = (-(y2 - y1) / len) * px;
  const ny = ((x2 - x1) / len) * px;
  return [[x1 + nx, y1 + ny], [x2 + nx, y2 + ny]];
}

/** The stroke alpha for n overlapping lines on a density drawing: many lines build up, one stays visible. */
export function densityAlpha(n: number): number {
  if (n <= 1) return 0.6;
  return Math.min(0.6, Math.max(0.025, 4 / n));
}
