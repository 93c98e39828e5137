"use client";
import { useCallback } from "react";
import type { ActivationConfig } from "@/lib/exercises";
import type { PracticeState } from "@/lib/practice-params";
import ActivationExplorer, { type ActivationExplorerState } from "./ActivationExplorer";
import ShareRunLink from "./ShareRunLink";
import { useUrlState } from "./useUrlState";

/** The practice explorer with its state in the URL and a formula of one's own. */
export default function PracticeActivation({ config, initial, refused }: { config: ActivationConfig; initial: Partial<PracticeState>; refused: string[] }) {
  const write = useUrlState();
  const start: Partial<ActivationExplorerState> = {
    // a formula's key without its formula would draw nothing: the config's first activation instead
    ...(initial.activation && (initial.formula || !initial.activation.startsWith("custom")) && { activation: initial.activation }),
    params: { ...(initial.threshold !== undefined && { threshold: initial.threshold }), ...(initial.alpha !== undefined && { alpha: initial.alpha }) } as ActivationExplorerState["params"],
    own: initial.formula ? { formula: initial.formula, params: initial.fparams ?? {} } : null,
  };
  const onProgress = useCallback((s: ActivationExplorerState) => {
    write({
      activation: s.activation, threshold: s.params.threshold, alpha: s.params.alpha,
      ...(s.own && { formula: s.own.formula, fparams: s.own.params }),
    });
  }, [write]);
  return (
    <>
      <ShareRunLink refused={refused} />
      <ActivationExplorer config={config} allowFormula initial={start} onProgress={onProgress} />
    </>
  );
}
