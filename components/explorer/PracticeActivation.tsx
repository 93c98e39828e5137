"use client";
import { useCallback } from "react";
import type { ActivationConfig } from "@/lib/lessons/exercises";
import type { PracticeState } from "@/lib/practice/practice-search";
import { EXPLORER_SEED, explorerFromParams, explorerToParams } from "@/lib/practice/practice-state";
import { LESSON_SAMPLING } from "@/lib/explorer/samples";
import ActivationExplorer, { type ActivationExplorerState } from "./ActivationExplorer";
import ShareRunLink from "../files/ShareRunLink";
import { useUrlState } from "../files/useUrlState";

/** The practice explorer with its whole view in the URL (lib/practice/practice-state.ts) and a formula of one's own. */
export default function PracticeActivation({ config, initial, refused }: { config: ActivationConfig; initial: Partial<PracticeState>; refused: string[] }) {
  const write = useUrlState();
  const start: Partial<ActivationExplorerState> = explorerFromParams(initial);
  const onProgress = useCallback((s: ActivationExplorerState) => {
    write(explorerToParams({ ...s, own: s.own ?? null, sampling: s.sampling ?? LESSON_SAMPLING, seed: s.seed ?? EXPLORER_SEED }));
  }, [write]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <ActivationExplorer config={config} allowFormula initial={start} onProgress={onProgress} />
    </>
  );
}
