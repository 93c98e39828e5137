// Class experiments, pure: one exercise pushed to groups of students with different settings
// (learning rates, initial weights, or the hidden layer's activation), how students are put into groups, and how each group did.
// No I/O and no zod (the browser imports this): the server assigns and stores with these, the board and the history
// summarise with them, a student's page finds its group. What the instructor sends is checked by lib/experiments/experiments.ts.
import type { GateConfig, XorConfig } from "../lessons/exercises";
import type { NetFindings } from "../xor/net-findings";
import { makeRng } from "../nn/random";
import { isHiddenActivation, type HiddenActivation } from "../xor/hidden-activations";

export const ASSIGNMENT_MODES = ["RANDOM", "BALANCED", "CHOICE"] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
/**
 * What differs between groups: the learning rate, the initial weights (the seed they are drawn
 * from), or the activation of the XOR exercise's hidden layer (any of HIDDEN_ACTIVATIONS;
 * compared on the two-layer runs once the instructor unlocks it).
 */
export const EXPERIMENT_VARIABLES = ["lr", "seed", "activation"] as const;
export type ExperimentVariable = (typeof EXPERIMENT_VARIABLES)[number];
export const MAX_GROUPS = 6;
/** The learning rates the setup offers first (the classic decades). */
export const DEFAULT_LRS = [0.001, 0.01, 0.1, 1] as const;


/** A group's settings: the one that differs is set (lr, seed or activation); the rest is the exercise's. */
export interface GroupSettings { lr?: number; seed?: number; activation?: HiddenActivation }

/** The experiment as it travels with the exercise (one message for the whole room): each browser finds its own group. */
export interface ExperimentInfo {
  id: string;
  mode: AssignmentMode;
  variable: ExperimentVariable;
  groups: GroupSettings[];
  /** userId -> group index. In CHOICE mode it fills as students choose. */
  members: Record<string, number>;
  /** The comparison as stored at the reveal (students see it then), or null while it runs. */
  result: GroupSummary[] | null;
}

/** What groups are made of: the variable that differs and one value per group (an ExperimentSpec, lib/experiments/experiments.ts). */
export interface GroupsSpec { variable: ExperimentVariable; values: readonly (number | string)[] }

export function groupSettings(spec: GroupsSpec): GroupSettings[] {
  return spec.values.map((v): GroupSettings =>
    isHiddenActivation(v) ? { activation: v } : spec.variable === "seed" ? { seed: Number(v) } : { lr: Number(v) });
}

/** Which setting a group's settings vary. */
export function variableOf(settings: GroupSettings): ExperimentVariable {
  return settings.activation !== undefined ? "activation" : settings.seed !== undefined ? "seed" : "lr";
}

/** The value that tells the groups apart (the learning rate, the seed, or the hidden activation). */
export function settingValue(settings: GroupSettings): number | HiddenActivation {
  return settings.activation ?? settings.lr ?? settings.seed ?? NaN;
}

/**
 * The hidden activation a student's two-layer run must use: their group's in an activation
 * experiment, else any (null). Refused otherwise, as a run with another learning rate is.
 */
export function netActivationOf(info: ExperimentInfo | null | undefined, userId: string | null): HiddenActivation | null {
  const g = groupOf(info, userId);
  return g === null ? null : info!.groups[g].activation ?? null;
}

const sameLr = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

/**
 * A run done with its group's settings: the group's learning rate (else the exercise's) and, in a
 * seed experiment, the group's seed. A run with another group's settings says nothing about this
 * group, so the grading refuses it and the comparison leaves it out.
 */
export function runFitsGroup(settings: GroupSettings, exerciseLr: number, run: { lr: number; seed: number }): boolean {
  return sameLr(run.lr, settings.lr ?? exerciseLr) && (settings.seed === undefined || run.seed === settings.seed);
}

/** A student's group, or null (not assigned: CHOICE mode before choosing, or not in the experiment). */
export function groupOf(info: ExperimentInfo | null | undefined, userId: string | null): number | null {
  if (!info || !userId) return null;
  const g = info.members[userId];
  return typeof g === "number" && g >= 0 && g < info.groups.length ? g : null;
}

/**
 * The exercise as a group does it (gate or XOR): the group's learning rate (or the exercise's),
 * locked, so that only the group's setting differs between the groups. A seed is checked apart
 * (runFitsGroup): the presets have no seed.
 */
export function groupConfig<C extends GateConfig | XorConfig>(config: C, settings: GroupSettings): C {
  return { ...config, lr: settings.lr ?? config.lr, locked: true };
}

/** Ids sorted, so the assignment depends on the set of students and the seed only, not on their order. */
const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/** Fisher-Yates with the seeded generator. */
function shuffle<T>(items: T[], seed: number): T[] {
  const rng = makeRng(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Groups for the students present at the push. RANDOM: each student draws a group on their own
 * (seeded; sizes may differ, as with a coin). BALANCED: a seeded shuffle dealt round the groups
 * (sizes differ by at most one). CHOICE: nobody yet; students pick.
 */
export function assignGroups(userIds: readonly string[], groups: number, mode: AssignmentMode, seed: number): Map<string, number> {
  const out = new Map<string, number>();
  if (mode === "CHOICE" || groups < 1) return out;
  const ids = sorted(userIds);
  if (mode === "RANDOM") {
    const rng = makeRng(seed);
    for (const id of ids) out.set(id, Math.min(groups - 1, Math.floor(rng.uniform() * groups)));
    return out;
  }
  shuffle(ids, seed).forEach((id, i) => out.set(id, i % groups));
  return out;
}

/** A small stable hash of a string (FNV-1a), for drawing a late student's group. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The group of a student who arrives after the push. BALANCED: the smallest group (the first of
 * equals), so sizes still differ by at most one. RANDOM: a seeded draw of their own. CHOICE: null.
 */
export function lateGroup(sizes: readonly number[], mode: AssignmentMode, seed: number, userId: string): number | null {
  if (mode === "CHOICE" || sizes.length === 0) return null;
  if (mode === "RANDOM") return Math.min(sizes.length - 1, Math.floor(makeRng(hash(userId) ^ seed).uniform() * sizes.length));
  let best = 0;
  for (let g = 1; g < sizes.length; g++) if (sizes[g] < sizes[best]) best = g;
  return best;
}

export function groupSizes(members: Record<string, number> | ReadonlyMap<string, number>, groups: number): number[] {
  const sizes = new Array<number>(groups).fill(0);
  const values = members instanceof Map ? [...members.values()] : Object.values(members);
  for (const g of values) if (g >= 0 && g < groups) sizes[g]++;
  return sizes;
}

// ---- How each group did ----

/** Linear-interpolated quantile of sorted values (as d3.quantile, R type 7). */
export function quantile(sortedValues: readonly number[], p: number): number {
  const n = sortedValues.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sortedValues[lo] + (h - lo) * (sortedValues[hi] - sortedValues[lo]);
}

/** The first epoch (1-based) after which the run classifies every sample, or null. */
export function epochsToConverge(curve: ArrayLike<number>): number | null {
  for (let i = 0; i < curve.length; i++) if (curve[i] >= 1) return i + 1;
  return null;
}

/**
 * One member's run: accuracy after epochs 1..n (null: nothing trained yet; a typed array will do);
 * `correct`: a right run was submitted.
 */
export interface MemberRun { group: number; curve: ArrayLike<number> | null; correct?: boolean }

export interface CurvePoint { epoch: number; median: number; q1: number; q3: number; n: number }

export interface GroupSummary {
  group: number;
  settings: GroupSettings;
  /** Members of the group. */
  size: number;
  /** Members who trained at least one epoch. */
  started: number;
  /** Members whose run is at 100% now (or who submitted a right run). */
  at100: number;
  /** at100 / size (0 for an empty group). */
  share100: number;
  /** Members whose run reached 100%, and the median epochs it took them. */
  converged: number;
  medianEpochs: number | null;
  /** Accuracy per epoch over the members who trained that far: median and interquartile band. */
  curve: CurvePoint[];
  /** An experiment on the hidden activation: the group's figures and conclusion (lib/xor/net-findings.ts). */
  net?: NetFindings;
}

/** The epochs at which the curve is drawn: all of them up to maxPoints, else evenly spaced (the last always). */
export function sampleEpochs(maxEpoch: number, maxPoints: number): number[] {
  if (maxEpoch <= 0) return [];
  if (maxEpoch <= maxPoints) return Array.from({ length: maxEpoch }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let k = 0; k < maxPoints; k++) out.add(Math.max(1, Math.round(((k + 1) * maxEpoch) / maxPoints)));
  out.add(maxEpoch);
  return [...out].sort((a, b) => a - b);
}

/**
 * Per group: size, share at 100%, epochs to converge (of the runs at 100% in the end), and the median accuracy per epoch with its
 * interquartile band. At each epoch only the members who trained that far count (n says how many):
 * a run that has not got there yet is not counted as failing.
 */
export function summarizeGroups(groups: readonly GroupSettings[], runs: readonly MemberRun[], maxPoints = 120): GroupSummary[] {
  return groups.map((settings, group) => {
    const mine = runs.filter((r) => r.group === group);
    const curves = mine.flatMap((r) => (r.curve && r.curve.length > 0 ? [r.curve] : []));
    const longest = curves.reduce((m, c) => Math.max(m, c.length), 0);
    const curve: CurvePoint[] = [];
    for (const epoch of sampleEpochs(longest, maxPoints)) {
      const values = curves.filter((c) => c.length >= epoch).map((c) => c[epoch - 1]).sort((a, b) => a - b);
      if (values.length) curve.push({ epoch, median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75), n: values.length });
    }
    const ended = mine.filter((r) => r.correct || (r.curve?.length ? r.curve[r.curve.length - 1] >= 1 : false));
    const at100 = ended.length;
    // Epochs to converge, of the runs at 100 % in the end: a network that touched 100 % and lost it
    // again (gradient descent can) has not converged, and must not lend a group its epochs.
    const epochs = ended.flatMap((r) => (r.curve?.length ? [epochsToConverge(r.curve)] : [])).filter((e): e is number => e !== null).sort((a, b) => a - b);
    return {
      group,
      settings,
      size: mine.length,
      started: curves.length,
      at100,
      share100: mine.length ? at100 / mine.length : 0,
      converged: epochs.length,
      medianEpochs: epochs.length ? quantile(epochs, 0.5) : null,
      curve,
    };
  });
}

/** An experiment as the history and the dashboard list it: settings, group sizes, the stored result. */
export interface ExperimentRecord {
  id: string;
  sessionId: string;
  exerciseId: string;
  mode: AssignmentMode;
  groups: GroupSettings[];
  sizes: number[];
  result: GroupSummary[] | null;
  createdAt: string;
}
