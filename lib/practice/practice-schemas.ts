/**
 * The practice pages' URL properties, one zod schema each (lib/practice/practice-params.ts reads a URL with
 * them; lib/practice/practice-search.ts writes the values back, typed by them without loading zod).
 */
import { z } from "zod";
import { ACTIVATION_IDS, CUSTOM_KEYS, type ChoiceId } from "../nn/activations";
import { PARAM_RANGES, SEED_MAX, TRAINABLE_GATES } from "../lessons/exercise-constants";
import { FORMULA_MAX_LENGTH, FORMULA_MAX_PARAMS, FORMULA_PARAM_RANGE, PARAM_NAME_RE } from "../formula/formula-errors";
import { BUNDLED_IMAGES } from "../explorer/images";
import { SPREAD_RANGE } from "../explorer/samples";
import { HIDDEN_ACTIVATIONS, MLP_INIT_SCALE, MLP_LAYERS, MLP_WIDTH } from "../nn/mlp-net";
import { bothColours, CUSTOM_POINTS_MAX, readPoints } from "../nn/custom-points";

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

/** The table: URL key -> schema reading the string (written back by lib/practice/practice-search.ts). */
export const PRACTICE_SCHEMAS = {
  activation: z.enum([...CUSTOM_KEYS, ...ACTIVATION_IDS] satisfies [ChoiceId, ...ChoiceId[]]),
  threshold: between(PARAM_RANGES.threshold),
  alpha: between(PARAM_RANGES.alpha),
  formula: z.string().trim().min(1).max(FORMULA_MAX_LENGTH),
  fparams,
  /** The explorer's samples (lib/explorer/samples.ts): distribution, spread, and the "after" axis fitted or fixed to the function's range. */
  dist: z.enum(["uniform", "normal"]),
  spread: between(SPREAD_RANGE),
  axis: z.enum(["fit", "fixed"]),
  /** The explorer's picture (a bundled one; an upload stays in the browser). */
  image: z.enum(BUNDLED_IMAGES),
  gate: z.enum(TRAINABLE_GATES),
  lr: number(z.number().finite().gt(0).max(10)),
  epochs: integer(1, 10_000),
  /** The trainer's seed; on the explorer, the seed of its 1,000 samples ("new samples" adds one). */
  seed: integer(0, SEED_MAX),
  /** Initial weights and bias; without them the seed draws them. */
  w1: between(WEIGHT_RANGE),
  w2: between(WEIGHT_RANGE),
  b: between(WEIGHT_RANGE),
  /** The XOR page's network, shown: its hidden activation, seed, units per layer, layers, initial scale (it trains a fixed 3,000 epochs). */
  net: z.enum(HIDDEN_ACTIVATIONS),
  netseed: integer(0, SEED_MAX),
  netwidth: integer(MLP_WIDTH.min, MLP_WIDTH.max),
  netlayers: integer(MLP_LAYERS.min, MLP_LAYERS.max),
  netscale: between(MLP_INIT_SCALE),
  /** The gate trainer's own points (lib/nn/custom-points.ts): `x.y.label` in hundredths, joined by `_`. */
  pts: z.string().max(CUSTOM_POINTS_MAX * 10).transform((s, ctx) => {
    const p = readPoints(s);
    if (!p || !bothColours(p)) { ctx.addIssue({ code: "custom", message: "invalidInput" }); return z.NEVER; }
    return p;
  }),
} as const;
