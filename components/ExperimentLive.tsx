"use client";
import { useMemo, useRef } from "react";
import { AccuracyReplay } from "@/lib/board";
import { tileRuns } from "@/lib/experiment-runs";
import { summarizeGroups, type ExperimentInfo } from "@/lib/experiments";
import type { BoardTile } from "@/lib/session-protocol";
import ExperimentComparison from "./ExperimentComparison";

/**
 * The board's live comparison: every member's streamed run replayed (seeded, so the settings are
 * enough) and summarised per group at each flush of the board (at most 4 a second).
 */
export default function ExperimentLive({ experiment, tiles, exerciseLr, big }: { experiment: ExperimentInfo; tiles: readonly BoardTile[]; exerciseLr: number; big?: boolean }) {
  const replay = useRef<AccuracyReplay | null>(null);
  replay.current ??= new AccuracyReplay(2000);
  const summaries = useMemo(() => {
    const r = replay.current!;
    return summarizeGroups(experiment.groups, tileRuns(experiment, tiles, (g, lr, seed, epochs) => r.series(g, lr, seed, epochs), exerciseLr));
  }, [experiment, tiles, exerciseLr]);
  return <ExperimentComparison summaries={summaries} mode={experiment.mode} big={big} />;
}
