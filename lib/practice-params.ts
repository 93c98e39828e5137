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
import { PARAM_RANGES, SEED_MAX, TRAINABLE_GATES } from "./exercise-constants";
import { FORMULA_MAX_LENGTH, FORMULA_MAX_PARAMS, PARAM_NAME_RE } from "./formula-errors";
import { BUNDLED_IMAGES } from "./images";
import { SPREAD_RANGE } from "./samples";
import { HIDDEN_ACTIVATIONS } from "./xor-net";

/** A number written in the URL (an empty value is no number, not 0). */
const number = <T extends z.ZodType<number, number>>(n: T) => z.string().trim().min(1).transform((s) => Number(s) + 0).pipe(n); // + 0: "-0" reads as 0
const between = (r: { min: number; max: number }) => number(z.number().finite().min(r.min).max(r.max));
const integer = (min: number, max: number) => number(z.number().int().min(min).max(max));

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

const WEIGHT_RANGE = { min: -100, max: 100 };

/** The table: URL key -> schema reading the string, and how the value is written back. */
export const PRACTICE_PARAMS = {
  activation: { schema: z.enum([...CUSTOM_KEYS, ...ACTIVATION_IDS] satisfies [ChoiceId, ...ChoiceId[]]), write: String },
  threshold: { schema: between(PARAM_RANGES.threshold), write: String },
  alpha: { schema: between(PARAM_RANGES.alpha), write: String },
  formula: { schema: z.string().trim().min(1).max(FORMULA_MAX_LENGTH), write: String },
  fparams: { schema: fparams, write: (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k}:${v}`).join(";") },
  /** The explorer's samples (lib/samples.ts): distribution, spread, and the "after" axis fitted or fixed to the function's range. */
  dist: { schema: z.enum(["uniform", "normal"]), write: String },
  spread: { schema: between(SPREAD_RANGE), write: String },
  axis: { schema: z.enum(["fit", "fixed"]), write: String },
  /** The explorer's picture (a bundled one; an upload stays in the browser). */
  image: { schema: z.enum(BUNDLED_IMAGES), write: String },
  gate: { schema: z.enum(TRAINABLE_GATES), write: String },
  lr: { schema: number(z.number().finite().gt(0).max(10)), write: String },
  epochs: { schema: integer(1, 10_000), write: String },
  /** The trainer's seed; on the explorer, the seed of its 1,000 samples ("new samples" adds one). */
  seed: { schema: integer(0, SEED_MAX), write: String },
  /** Initial weights and bias; without them the seed draws them. */
  w1: { schema: between(WEIGHT_RANGE), write: String },
  w2: { schema: between(WEIGHT_RANGE), write: String },
  b: { schema: between(WEIGHT_RANGE), write: String },
  /** The XOR page's two-layer net, shown: its hidden activation and its seed (it trains a fixed 3,000 epochs). */
  net: { schema: z.enum(HIDDEN_ACTIVATIONS), write: String },
  netseed: { schema: integer(0, SEED_MAX), write: String },
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
