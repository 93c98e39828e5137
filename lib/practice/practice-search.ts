/**
 * The practice pages' URL state, the half the browser needs: the properties' keys in table order
 * and how each value is written back (`toSearch`). Reading a URL (`readParams`, with a zod schema
 * per property) is in lib/practice/practice-params.ts and runs on the server: the pages parse their URL
 * there, so the browser only ever writes values it already holds, and ships no schema.
 */
import type { output } from "zod";
import type { PRACTICE_SCHEMAS } from "./practice-schemas";
import { writePoints } from "../nn/custom-points";

type Schemas = typeof PRACTICE_SCHEMAS;
export type PracticeKey = keyof Schemas;
export type PracticeState = { [K in PracticeKey]: output<Schemas[K]> };

/** { alpha: 1.5, beta: -2 } -> `alpha:1.5;beta:-2` */
export const writeFparams = (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k}:${v}`).join(";");

/** How each property is written in the URL, in the table's order (the order of the query string). */
const WRITERS: { [K in PracticeKey]: (v: PracticeState[K]) => string } = {
  activation: String,
  threshold: String,
  alpha: String,
  formula: String,
  fparams: writeFparams,
  dist: String,
  spread: String,
  axis: String,
  image: String,
  gate: String,
  lr: String,
  epochs: String,
  seed: String,
  w1: String,
  w2: String,
  b: String,
  net: String,
  netseed: String,
  netwidth: String,
  netlayers: String,
  netscale: String,
  pts: writePoints,
};

export const PRACTICE_KEYS = Object.keys(WRITERS) as PracticeKey[];

/** The query string (without "?") for the properties set in `state`, in table order. */
export function toSearch(state: Partial<PracticeState>): string {
  const q = new URLSearchParams();
  for (const key of PRACTICE_KEYS) {
    const v = state[key];
    if (v === undefined) continue;
    q.set(key, (WRITERS[key] as (v: unknown) => string)(v));
  }
  return q.toString();
}

/** The initial weights in a state, when all three are set. */
export function initialWeights(s: Partial<PracticeState>): { w: [number, number]; b: number } | undefined {
  return s.w1 !== undefined && s.w2 !== undefined && s.b !== undefined ? { w: [s.w1, s.w2], b: s.b } : undefined;
}
