/**
 * What can be wrong with an activation formula, without mathjs (so pages can
 * show these errors and validate shapes without loading the parser). Each
 * error has a code (translated in messages/<lang>/formula.json) and the
 * 0-based index in the formula where the problem is.
 */
export const FORMULA_MAX_LENGTH = 200;
export const FORMULA_MAX_PARAMS = 3;
/** A parameter name: a letter, then letters, digits or _ (at most 16). Not x, e or pi. */
export const PARAM_NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;
/** Slider range of a formula's parameters. */
export const FORMULA_PARAM_RANGE = { min: -5, max: 5, step: 0.05 } as const;

export const FORMULA_ERROR_CODES = [
  "formulaEmpty", "formulaTooLong", "formulaSyntax", "formulaNotAllowed", "formulaUnknownFunction",
  "formulaFunctionAsValue", "formulaArity", "formulaBadName", "formulaTooManyParams", "formulaNoX",
  "formulaTooDeep", "formulaNoDerivative", "formulaNotFinite",
] as const;
export type FormulaErrorCode = (typeof FORMULA_ERROR_CODES)[number];

export interface FormulaError {
  code: FormulaErrorCode;
  /** 0-based position in the (trimmed) formula. */
  index: number;
  /** The refused word or symbol, when there is one. */
  token?: string;
  /** formulaNotFinite: the first plotted x where f or f' is NaN or infinite, and which of the two. */
  x?: number;
  which?: "output" | "derivative";
}
