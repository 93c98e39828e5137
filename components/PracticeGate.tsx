"use client";
import { useCallback, useMemo } from "react";
import type { GateConfig } from "@/lib/exercises";
import type { PracticeState } from "@/lib/practice-search";
import { runFromParams, runToParams } from "@/lib/practice-state";
import GateTrainer, { type GateProgress } from "./GateTrainer";
import ShareRunLink from "./ShareRunLink";
import { useUrlState } from "./useUrlState";

interface Props { config: GateConfig; initial: Partial<PracticeState>; refused: string[] }

/** The practice gate trainer with its run (gate, rate, epochs, seed, initial weights) in the URL. */
export default function PracticeGate({ config, initial, refused }: Props) {
  const write = useUrlState();
  const start = useMemo(() => runFromParams(initial), [initial]);
  const init = start.init;
  const onProgress = useCallback((p: GateProgress) => {
    write(runToParams({ gate: p.gate, lr: p.lr, epochs: p.epochs, seed: p.seed, init }));
  }, [write, init]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <GateTrainer config={config} initial={start} onProgress={onProgress} />
    </>
  );
}
