"use client";
import { useCallback } from "react";
import type { GateConfig, XorConfig } from "@/lib/exercises";
import { initialWeights, type PracticeState } from "@/lib/practice-params";
import GateTrainer, { type GateProgress } from "./GateTrainer";
import ShareRunLink from "./ShareRunLink";
import { useUrlState } from "./useUrlState";
import XorAttempt, { type XorProgress } from "./XorAttempt";

interface Props<C> { config: C; initial: Partial<PracticeState>; refused: string[] }
const run = (s: Partial<PracticeState>) => ({
  ...(s.lr !== undefined && { lr: s.lr }), ...(s.epochs !== undefined && { epochs: s.epochs }), ...(s.seed !== undefined && { seed: s.seed }),
});

/** The practice gate trainer with its run (gate, rate, epochs, seed, initial weights) in the URL. */
export function PracticeGate({ config, initial, refused }: Props<GateConfig>) {
  const write = useUrlState();
  const init = initialWeights(initial);
  const [w1, w2, b] = init ? [init.w[0], init.w[1], init.b] : [];
  const onProgress = useCallback((p: GateProgress) => {
    write({ gate: p.gate, lr: p.lr, epochs: p.epochs, seed: p.seed, ...(w1 !== undefined && { w1, w2, b }) });
  }, [write, w1, w2, b]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <GateTrainer config={config} initial={{ ...run(initial), ...(initial.gate && { gate: initial.gate }), ...(init && { init }) }} onProgress={onProgress} />
    </>
  );
}

/** The practice XOR attempt with its run (rate, epochs, seed) in the URL. */
export function PracticeXor({ config, initial, refused }: Props<XorConfig>) {
  const write = useUrlState();
  const onProgress = useCallback((p: XorProgress) => write({ lr: p.lr, epochs: p.epochs, seed: p.seed }), [write]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <XorAttempt config={config} initial={run(initial)} onProgress={onProgress} />
    </>
  );
}
