// The board's live comparison: each tile's streamed run as a member run of its group (replayed
// accuracy per epoch), for summarizeGroups. Pure; the replay is passed in (AccuracyReplay on the board).
import { runOf } from "./board";
import { runFitsGroup, type ExperimentInfo, type MemberRun } from "./experiments";
import type { GateId } from "./gates";
import type { BoardTile } from "./session-protocol";

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
