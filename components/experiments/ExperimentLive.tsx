"use client";
import { useMemo, useRef } from "react";
import { AccuracyReplay } from "@/lib/board/accuracy-replay";
import { netComparison, tileRuns } from "@/lib/experiments/experiment-runs";
import { summarizeGroups, type ExperimentInfo } from "@/lib/experiments/experiment-groups";
import type { BoardTile } from "@/lib/live/session-protocol";
import type { HiddenRun } from "@/lib/xor/xor-proof";
import ExperimentComparison from "./ExperimentComparison";

interface Props {
  experiment: ExperimentInfo;
  tiles: readonly BoardTile[];
  exerciseLr: number;
  big?: boolean;
  /** An activation experiment: the class's graded two-layer runs (compared instead of the streamed perceptron runs). */
  netRuns?: readonly HiddenRun[];
}

/**
 * The board's live comparison: every member's streamed run replayed (seeded, so the settings are
 * enough) and summarised per group at each flush of the board (at most 4 a second); in an
 * activation experiment, every member's graded two-layer run, as each arrives, with the group's
 * figures and conclusion (netComparison, as stored at close/reveal).
 */
export default function ExperimentLive({ experiment, tiles, exerciseLr, big, netRuns: net }: Props) {
  const replay = useRef<AccuracyReplay | null>(null);
  replay.current ??= new AccuracyReplay(2000);
  const onTiles = net ? null : tiles;
  const summaries = useMemo(() => {
    if (net) return netComparison(experiment, net);
    const r = replay.current!;
    return summarizeGroups(experiment.groups, tileRuns(experiment, onTiles ?? [], (g, lr, seed, epochs) => r.series(g, lr, seed, epochs), exerciseLr));
  }, [experiment, onTiles, net, exerciseLr]);
  return <ExperimentComparison summaries={summaries} mode={experiment.mode} big={big} />;
}
