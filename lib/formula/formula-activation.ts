/**
 * A formula-defined activation, ready for the panels and the questions:
 * compileFormula (mathjs) + numericFacts over the plotted interval. The same
 * function runs in the browser (dynamic import) and on the server (grading).
 */
import { CUSTOM_KEYS, seedXs, type Activation, type CustomKey } from "../nn/activations";
import { formulaActivation, numericFacts, paramValue, type CustomDef } from "./custom-activation";
import { compileFormula, type CompiledFormula } from "./formula";
import type { FormulaError } from "./formula-errors";

export interface BuiltCustom {
  activation: Activation;
  compiled: CompiledFormula;
  /** The value of every parameter the formula reads (1 when the definition leaves one out). */
  values: Record<string, number>;
}
export type BuildResult = { ok: true; built: BuiltCustom } | { ok: false; error: FormulaError };

/** Compiles `def.formula`, binds its parameters, and checks f and f' are finite over the plotted xs. */
export function buildCustom(def: Pick<CustomDef, "formula" | "params">, key: CustomKey = "custom1", xs: ArrayLike<number> = seedXs()): BuildResult {
  const r = compileFormula(def.formula);
  if (!r.ok) return r;
  const c = r.formula;
  const values = Object.fromEntries(c.params.map((p) => [p, paramValue(def.params, p)]));
  const f = (x: number) => c.output(x, values);
  const df = (x: number) => c.der(x, values);
  const facts = numericFacts(f, df, xs);
  if (!facts.ok) return { ok: false, error: { code: "formulaNotFinite", index: 0, x: facts.x, which: facts.which } };
  return { ok: true, built: { activation: formulaActivation(key, f, df, facts.facts), compiled: c, values } };
}

/** A config's custom activations, in CUSTOM_KEYS order; the first that fails (with its position in the list) stops it. */
export function buildCustoms(defs: readonly CustomDef[]): { ok: true; activations: Activation[] } | { ok: false; at: number; error: FormulaError } {
  const out: Activation[] = [];
  for (let i = 0; i < defs.length; i++) {
    const r = buildCustom(defs[i], CUSTOM_KEYS[i]);
    if (!r.ok) return { ok: false, at: i, error: r.error };
    out.push(r.built.activation);
  }
  return { ok: true, activations: out };
}
