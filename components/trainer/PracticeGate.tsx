"use client";
import { useCallback, useMemo, useState } from "react";
import { bothColours, type LabelledPoint } from "@/lib/nn/custom-points";
import type { GateConfig } from "@/lib/lessons/exercises";
import type { PracticeState } from "@/lib/practice/practice-search";
import { runFromParams, runToParams } from "@/lib/practice/practice-state";
import GateTrainer, { type GateProgress } from "./GateTrainer";
import ShareRunLink from "../files/ShareRunLink";
import { useUrlState } from "../files/useUrlState";

interface Props { config: GateConfig; initial: Partial<PracticeState>; refused: string[] }

/** The practice gate trainer with its run (gate, rate, epochs, seed, initial weights, own points) in the URL. */
export default function PracticeGate({ config, initial, refused }: Props) {
  const write = useUrlState();
  const { points: startPoints, ...start } = useMemo(() => runFromParams(initial), [initial]);
  const init = start.init;
  const [points, setPoints] = useState<LabelledPoint[] | null>(startPoints ?? null);
  const onProgress = useCallback((p: GateProgress) => {
    // the points go in the link once they can be trained on (both colours)
    write(runToParams({ gate: p.gate, lr: p.lr, epochs: p.epochs, seed: p.seed, init, ...(points && bothColours(points) && { points }) }));
  }, [write, init, points]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <GateTrainer config={config} initial={start} onProgress={onProgress} points={points} onPoints={setPoints} />
    </>
  );
}
