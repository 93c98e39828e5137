// The comparison's member runs, for summarizeGroups: each tile's streamed run (replayed accuracy
// per epoch; the board's live comparison), or, in an activation experiment, each member's graded
// two-layer run (its stored accuracy steps; the board and the server's stored result). Pure; the
// perceptron replay is passed in (AccuracyReplay on the board).
import { runOf } from "../board/accuracy-replay";
import { runFitsGroup, summarizeGroups, type ExperimentInfo, type GroupSummary, type MemberRun } from "./experiment-groups";
import type { GateId } from "../nn/gates";
import { netFindings, type NetMemberRun } from "../xor/net-findings";
import type { BoardTile } from "../live/session-protocol";
import { stepsToCurve } from "../xor/xor-net";
import type { HiddenRun } from "../xor/xor-proof";

export type Series = (gate: GateId, lr: number, seed: number, epochs: number) => readonly number[];

/**
 * One run per member of the experiment: a tile's run counts only with its group's settings (a
 * forged one would blur the comparison, as the server's grading refuses it); a right submission
 * counts as at 100%. Members without a tile (not entered) count as not started.
 */
export function tileRuns(info: ExperimentInfo, tiles: readonly BoardTile[], series: Series, exerciseLr: number): MemberRun[] {
  const byUser = new Map(tiles.map((t) => [t.userId, t]));
  return Object.entries(info.members).flatMap(([userId, group]) => {
    const settings = info.groups[group];
    if (!settings) return [];
    const t = byUser.get(userId);
    const run = runOf(t?.progress ?? null);
    const curve = run && run.epoch >= 1 && runFitsGroup(settings, exerciseLr, run) ? series(run.gate, run.lr, run.seed, run.epoch) : null;
    return [{ group, curve, correct: !!t?.result?.correct }];
  });
}

const curves = new WeakMap<HiddenRun, Float32Array>();
const curveOf = (r: HiddenRun) => {
  let c = curves.get(r);
  if (!c && r.steps && r.epochs) curves.set(r, (c = stepsToCurve(r.steps, r.epochs)));
  return c ?? null;
};

/**
 * An activation experiment: one run per member from their counted two-layer run (one per student,
 * as the board shows). A run with another group's activation does not count (the server refuses
 * it anyway); members without a run count as not started.
 */
export function netRuns(info: ExperimentInfo, runs: readonly HiddenRun[]): MemberRun[] {
  return countedRuns(info, runs).map(({ group, run }) => ({ group, curve: run ? curveOf(run) : null, correct: !!run?.solved }));
}

/** Each member's group and counted run (null: none, or one with another group's activation). */
function countedRuns(info: ExperimentInfo, runs: readonly HiddenRun[]): { group: number; run: HiddenRun | null }[] {
  const byUser = new Map(runs.map((r) => [r.userId, r]));
  return Object.entries(info.members).flatMap(([userId, group]) => {
    const settings = info.groups[group];
    if (!settings) return [];
    const r = byUser.get(userId);
    const fits = !!r && (settings.activation === undefined || r.activation === settings.activation);
    return [{ group, run: fits ? r : null }];
  });
}

/** The best accuracy a run reached at any epoch (its final one when its steps were not kept). */
const bestOf = (r: HiddenRun) => (r.steps ?? []).reduce((m, [, a]) => Math.max(m, a), r.accuracy);

/**
 * An activation experiment's comparison: the groups' curves and shares (summarizeGroups) and, per
 * group, the figures and the one-sentence conclusion of lib/xor/net-findings.ts. The board, the
 * projector and the result stored at close/reveal are all this.
 */
export function netComparison(info: ExperimentInfo, runs: readonly HiddenRun[]): GroupSummary[] {
  const counted = countedRuns(info, runs);
  const summaries = summarizeGroups(info.groups, counted.map(({ group, run }) => ({ group, curve: run ? curveOf(run) : null, correct: !!run?.solved })));
  return summaries.map((s) => {
    const activation = s.settings.activation;
    if (!activation) return s;
    const mine: NetMemberRun[] = counted.flatMap(({ group, run }) => (group === s.group && run ? [{ best: bestOf(run), solved: run.solved, ...(run.diag && { diag: run.diag }) }] : []));
    return { ...s, net: netFindings(activation, s.size, mine, s.medianEpochs) };
  });
}
