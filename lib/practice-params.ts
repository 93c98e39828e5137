/**
 * The practice pages' whole state in the URL, as one table of named, typed
 * properties (after tensorflow/playground's state.ts): each has a zod schema,
 * and `readParams` / `toSearch` are driven by the table, so a new control
 * costs one entry. Runs are seeded, so a link replays exactly the same run.
 * A value that does not parse is dropped (the page's default is used) and
 * named in `refused`.
 */
import { z } from "zod";
import { ACTIVATION_IDS, CUSTOM_KEYS, type ChoiceId } from "./activations";
import { FORMULA_PARAM_RANGE } from "./custom-activation";
import { PARAM_RANGES, TRAINABLE_GATES } from "./exercises";
import { FORMULA_MAX_LENGTH, FORMULA_MAX_PARAMS, PARAM_NAME_RE } from "./formula-errors";
import { SEED_MAX } from "./grading";

const num = z.coerce.number().finite();
const between = (r: { min: number; max: number }) => num.min(r.min).max(r.max);

/** `alpha:1.5;beta:-2` <-> { alpha: 1.5, beta: -2 } */
const fparams = z
  .string()
  .max(120)
  .transform((s, ctx) => {
    const out: Record<string, number> = {};
    for (const part of s.split(";").filter(Boolean)) {
      const [name, value, ...rest] = part.split(":");
      const v = Number(value);
      if (rest.length || !PARAM_NAME_RE.test(name) || value === "" || !Number.isFinite(v) || v < FORMULA_PARAM_RANGE.min || v > FORMULA_PARAM_RANGE.max) {
        ctx.addIssue({ code: "custom", message: "invalidInput" });
        return z.NEVER;
      }
      out[name] = v;
    }
    if (Object.keys(out).length > FORMULA_MAX_PARAMS) { ctx.addIssue({ code: "custom", message: "invalidInput" }); return z.NEVER; }
    return out;
  });

/** The table: URL key -> schema reading the string, and how the value is written back. */
export const PRACTICE_PARAMS = {
  activation: { schema: z.enum([...CUSTOM_KEYS, ...ACTIVATION_IDS] satisfies [ChoiceId, ...ChoiceId[]]), write: String },
  threshold: { schema: between(PARAM_RANGES.threshold), write: String },
  alpha: { schema: between(PARAM_RANGES.alpha), write: String },
  formula: { schema: z.string().trim().min(1).max(FORMULA_MAX_LENGTH), write: String },
  fparams: { schema: fparams, write: (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k}:${v}`).join(";") },
  gate: { schema: z.enum(TRAINABLE_GATES), write: String },
  lr: { schema: num.gt(0).max(10), write: String },
  epochs: { schema: z.coerce.number().int().min(1).max(10_000), write: String },
  seed: { schema: z.coerce.number().int().min(0).max(SEED_MAX), write: String },
  /** Initial weights and bias; without them the seed draws them. */
  w1: { schema: num.min(-100).max(100), write: String },
  w2: { schema: num.min(-100).max(100), write: String },
  b: { schema: num.min(-100).max(100), write: String },
} as const;

type Table = typeof PRACTICE_PARAMS;
export type PracticeKey = keyof Table;
export type PracticeState = { [K in PracticeKey]: z.output<Table[K]["schema"]> };
export const PRACTICE_KEYS = Object.keys(PRACTICE_PARAMS) as PracticeKey[];

type Source = URLSearchParams | Record<string, string | string[] | undefined>;
const get = (src: Source, key: string): string | undefined => {
  if (src instanceof URLSearchParams) return src.get(key) ?? undefined;
  const v = src[key];
  return Array.isArray(v) ? v[0] : v;
};

/** Every known property present and valid; the keys present but invalid in `refused`. */
export function readParams(src: Source): { state: Partial<PracticeState>; refused: PracticeKey[] } {
  const state: Partial<Record<PracticeKey, unknown>> = {};
  const refused: PracticeKey[] = [];
  for (const key of PRACTICE_KEYS) {
    const raw = get(src, key);
    if (raw === undefined) continue;
    const r = PRACTICE_PARAMS[key].schema.safeParse(raw);
    if (r.success) state[key] = r.data;
    else refused.push(key);
  }
  return { state: state as Partial<PracticeState>, refused };
}

/** The query string (without "?") for the properties set in `state`, in table order. */
export function toSearch(state: Partial<PracticeState>): string {
  const q = new URLSearchParams();
  for (const key of PRACTICE_KEYS) {
    const v = state[key];
    if (v === undefined) continue;
    q.set(key, (PRACTICE_PARAMS[key].write as (v: unknown) => string)(v));
  }
  return q.toString();
}

/** The initial weights in a state, when all three are set. */
export function initialWeights(s: Partial<PracticeState>): { w: [number, number]; b: number } | undefined {
  return s.w1 !== undefined && s.w2 !== undefined && s.b !== undefined ? { w: [s.w1, s.w2], b: s.b } : undefined;
}
