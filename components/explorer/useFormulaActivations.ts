"use client";
import { useEffect, useState } from "react";
import { CUSTOM_KEYS, type Activation } from "@/lib/nn/activations";
import type { CustomDef } from "@/lib/formula/custom-activation";
import type { FormulaError } from "@/lib/formula/formula-errors";

type FormulaModule = typeof import("@/lib/formula/formula-activation");
let loading: Promise<FormulaModule> | null = null;
/** The formula module (mathjs inside), loaded once, only when a page needs it. */
export function loadFormula(): Promise<FormulaModule> {
  loading ??= import("@/lib/formula/formula-activation");
  return loading;
}

export type Built = { ok: true; activation: Activation; derivative: string; params: string[] } | { ok: false; error: FormulaError };

/**
 * Builds each definition (keys custom1.. in order) with the formula module,
 * loaded on demand: null while it loads or when there is nothing to build.
 */
export function useFormulaActivations(defs: readonly Pick<CustomDef, "formula" | "params">[]): Built[] | null {
  const [built, setBuilt] = useState<Built[] | null>(null);
  const key = JSON.stringify(defs);
  useEffect(() => {
    const list = JSON.parse(key) as Pick<CustomDef, "formula" | "params">[];
    if (list.length === 0) { setBuilt(null); return; }
    let live = true;
    loadFormula().then((m) => {
      if (!live) return;
      setBuilt(list.map((d, i) => {
        const r = m.buildCustom(d, CUSTOM_KEYS[i]);
        return r.ok ? { ok: true, activation: r.built.activation, derivative: r.built.compiled.derivativeText, params: r.built.compiled.params } : r;
      }));
    });
    return () => { live = false; };
  }, [key]);
  return built;
}
