// An activation defined by a formula, as a lesson preset stores it: its label, the formula in x,
// and its parameters' values. Checked with this schema wherever a preset comes in (lib/lessons/exercises.ts);
// with the parser, by lib/formula/formula-config.ts. The browser only reads presets already checked.
import { z } from "zod";
import { FORMULA_MAX_LENGTH, FORMULA_MAX_PARAMS, FORMULA_PARAM_RANGE, PARAM_NAME_RE } from "./formula-errors";

export const customDefSchema = z.object({
  label: z.string().trim().min(1).max(40),
  formula: z.string().trim().min(1).max(FORMULA_MAX_LENGTH),
  params: z
    .record(z.string().regex(PARAM_NAME_RE), z.number().finite().min(FORMULA_PARAM_RANGE.min).max(FORMULA_PARAM_RANGE.max))
    .refine((p) => Object.keys(p).length <= FORMULA_MAX_PARAMS, { message: "invalidInput" })
    .default({}),
});
export type CustomDef = z.infer<typeof customDefSchema>;
