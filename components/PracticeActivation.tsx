"use client";
import { useCallback } from "react";
import type { ActivationConfig } from "@/lib/exercises";
import type { PracticeState } from "@/lib/practice-search";
import { EXPLORER_SEED, explorerFromParams, explorerToParams } from "@/lib/practice-state";
import { LESSON_SAMPLING } from "@/lib/samples";
import ActivationExplorer, { type ActivationExplorerState } from "./ActivationExplorer";
import ShareRunLink from "./ShareRunLink";
import { useUrlState } from "./useUrlState";

/** The practice explorer with its whole view in the URL (lib/practice-state.ts) and a formula of one's own. */
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
