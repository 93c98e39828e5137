"use client";
import { useCallback, useMemo, useRef } from "react";
import type { XorConfig } from "@/lib/lessons/exercises";
import type { PracticeState } from "@/lib/practice/practice-search";
import { netFromParams, netToParams, runFromParams, runToParams } from "@/lib/practice/practice-state";
import ShareRunLink from "../files/ShareRunLink";
import { useUrlState } from "../files/useUrlState";
import XorAttempt, { type XorProgress } from "./XorAttempt";
import type { XorNetChoice } from "./XorNetView";
import type { LabelledPoint } from "@/lib/nn/custom-points";

interface Props { config: XorConfig; initial: Partial<PracticeState>; refused: string[] }

/** The practice XOR attempt with its run (rate, epochs, seed) in the URL, and the two-layer net's (shown, activation, seed). */
export default function PracticeXor({ config, initial, refused }: Props) {
  const write = useUrlState();
  const { lr, epochs, seed } = runFromParams(initial);
  const startNet = useMemo(() => netFromParams(initial), [initial]);
  // Both parts write one address: each keeps its own half.
  const parts = useRef<{ run: Partial<PracticeState>; net: Partial<PracticeState> }>({ run: {}, net: netToParams(startNet) });
  const onProgress = useCallback((p: XorProgress) => {
    parts.current.run = runToParams({ lr: p.lr, epochs: p.epochs, seed: p.seed });
    write({ ...parts.current.run, ...parts.current.net });
  }, [write]);
  // the net's settings and its own points, each told separately
  const netParts = useRef<{ choice: XorNetChoice | null; points: LabelledPoint[] | null }>({ choice: null, points: startNet.points ?? null });
  const writeNet = useCallback(() => {
    const { choice, points } = netParts.current;
    parts.current.net = netToParams(choice ? { open: true, ...choice, ...(points && { points }) } : { open: false });
    write({ ...parts.current.run, ...parts.current.net });
  }, [write]);
  const onNet = useCallback((c: XorNetChoice | null) => { netParts.current.choice = c; writeNet(); }, [writeNet]);
  const onPoints = useCallback((p: LabelledPoint[] | null) => { netParts.current.points = p; writeNet(); }, [writeNet]);
  const net = useMemo(() => {
    const { open, points, ...choice } = startNet; // activation and seed, each when the link gives it
    return { open, initial: choice, onChoice: onNet, ...(points && { points }), onPoints };
  }, [startNet, onNet, onPoints]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <XorAttempt config={config} initial={{ ...(lr !== undefined && { lr }), ...(epochs !== undefined && { epochs }), ...(seed !== undefined && { seed }) }}
        onProgress={onProgress} net={net} />
    </>
  );
}
