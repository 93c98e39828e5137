/**
 * An activation defined by a formula in `x` (and named parameters such as
 * `alpha`), parsed by mathjs and differentiated symbolically by it. The user's
 * text is never run as JavaScript: the parsed tree is checked against a
 * whitelist (numbers, x, e, pi, parameters, + - * / ^, a fixed list of
 * functions) and then turned into plain closures over Math.* by `toClosure`.
 *
 * mathjs is large: only code that really needs a formula imports this module
 * (the server's grading, and the browser through a dynamic import).
 */
import { create, parseDependencies, derivativeDependencies, type MathJsInstance, type MathNode } from "mathjs";
import { FORMULA_MAX_LENGTH, FORMULA_MAX_PARAMS, PARAM_NAME_RE, type FormulaError } from "./formula-errors";

// Built on first use, not at import: creating the instance costs about half a second of CPU, and
// the server imports this module at start (grading) long before anyone submits a formula.
let instance: MathJsInstance | undefined;
const mathjs = () => (instance ??= create({ parseDependencies, derivativeDependencies }));

type Fn1 = (a: number) => number;
/** Functions a formula may call (one argument each); `ln` and `sigmoid` are rewritten before differentiating. */
const FUNCTIONS: Record<string, Fn1> = {
  exp: Math.exp, log: Math.log, ln: Math.log, sqrt: Math.sqrt, abs: Math.abs, cbrt: Math.cbrt,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
  sec: (a) => 1 / Math.cos(a), csc: (a) => 1 / Math.sin(a), cot: (a) => 1 / Math.tan(a),
  sech: (a) => 1 / Math.cosh(a), csch: (a) => 1 / Math.sinh(a), coth: (a) => 1 / Math.tanh(a),
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
};
export const FORMULA_FUNCTIONS = Object.keys(FUNCTIONS);
const CONSTANTS: Record<string, number> = { e: Math.E, pi: Math.PI };
const MAX_DEPTH = 40;
const MAX_DERIVATIVE_NODES = 4000;

export interface CompiledFormula {
  /** The formula as typed (trimmed). */
  text: string;
  /** Parameter names in order of first appearance. */
  params: string[];
  /** The derivative as mathjs prints it. */
  derivativeText: string;
  /** f(x, params) and f'(x, params); params are read by name, missing ones count as 1. */
  output(x: number, p: Readonly<Record<string, number>>): number;
  der(x: number, p: Readonly<Record<string, number>>): number;
}

export type FormulaResult = { ok: true; formula: CompiledFormula } | { ok: false; error: FormulaError };

/** Where `token` first appears in `text` as a whole word (or as is, for symbols); 0 if not found. */
function locate(text: string, token: string, word = true): number {
  if (!word) return Math.max(0, text.indexOf(token));
  const esc = token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(^|[^A-Za-z0-9_])${esc}(?![A-Za-z0-9_])`).exec(text);
  return m ? m.index + m[1].length : 0;
}

const NODE_TOKENS: Record<string, string> = {
  AssignmentNode: "=", FunctionAssignmentNode: "=", ArrayNode: "[", BlockNode: ";", ConditionalNode: "?",
  IndexNode: "[", ObjectNode: "{", RangeNode: ":", AccessorNode: ".", RelationalNode: "<",
};
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);

type Closure = (x: number, p: Readonly<Record<string, number>>) => number;

/** Checks a parsed tree against the whitelist; the first thing refused, with where it is in `text`. */
function check(node: MathNode, text: string, params: string[], depth = 0): FormulaError | null {
  if (depth > MAX_DEPTH) return { code: "formulaTooDeep", index: 0 };
  const n = node as MathNode & { fn?: { name?: string } | string; op?: string; name?: string; args?: MathNode[]; content?: MathNode; value?: unknown };
  switch (node.type) {
    case "ConstantNode":
      return typeof n.value === "number" && Number.isFinite(n.value) ? null
        : { code: "formulaNotAllowed", index: locate(text, String(n.value), false), token: String(n.value) };
    case "SymbolNode": {
      const name = n.name!;
      if (name === "x" || Object.hasOwn(CONSTANTS, name)) return null;
      if (Object.hasOwn(FUNCTIONS, name)) return { code: "formulaFunctionAsValue", index: locate(text, name), token: name };
      if (!PARAM_NAME_RE.test(name)) return { code: "formulaBadName", index: locate(text, name), token: name };
      if (!params.includes(name)) {
        if (params.length >= FORMULA_MAX_PARAMS) return { code: "formulaTooManyParams", index: locate(text, name), token: name };
        params.push(name);
      }
      return null;
    }
    case "ParenthesisNode":
      return check(n.content!, text, params, depth + 1);
    case "OperatorNode": {
      const fn = n.fn as string;
      if (!OPERATORS.has(fn)) return { code: "formulaNotAllowed", index: locate(text, n.op!, false), token: n.op! };
      for (const a of n.args!) { const e = check(a, text, params, depth + 1); if (e) return e; }
      return null;
    }
    case "FunctionNode": {
      const name = (n.fn as { name?: string }).name ?? "";
      if (!Object.hasOwn(FUNCTIONS, name)) return { code: "formulaUnknownFunction", index: locate(text, name), token: name };
      if (n.args!.length !== 1) return { code: "formulaArity", index: locate(text, name), token: name };
      return check(n.args![0], text, params, depth + 1);
    }
    default: {
      const token = NODE_TOKENS[node.type] ?? node.type;
      return { code: "formulaNotAllowed", index: locate(text, token, false), token };
    }
  }
}

/** A checked tree as closures over Math.*; only node kinds the whitelist lets through (and derivative produces). */
function toClosure(node: MathNode): Closure {
  const n = node as MathNode & { fn?: { name: string } | string; name?: string; args?: MathNode[]; content?: MathNode; value?: number };
  switch (node.type) {
    case "ConstantNode": { const v = n.value!; return () => v; }
    case "SymbolNode": {
      const name = n.name!;
      if (name === "x") return (x) => x;
      if (Object.hasOwn(CONSTANTS, name)) { const v = CONSTANTS[name]; return () => v; }
      return (_x, p) => (Object.hasOwn(p, name) ? p[name] : 1);
    }
    case "ParenthesisNode": return toClosure(n.content!);
    case "FunctionNode": {
      const f = FUNCTIONS[(n.fn as { name: string }).name];
      if (!f || n.args!.length !== 1) throw new Error(`unsupported function ${(n.fn as { name: string }).name}`);
      const a = toClosure(n.args![0]);
      return (x, p) => f(a(x, p));
    }
    case "OperatorNode": {
      const args = n.args!.map(toClosure);
      const [a, b] = args;
      switch (n.fn as string) {
        case "unaryMinus": return (x, p) => -a(x, p);
        case "unaryPlus": return a;
        case "add": return args.length === 2 ? (x, p) => a(x, p) + b(x, p) : (x, p) => args.reduce((s, g) => s + g(x, p), 0);
        case "subtract": return (x, p) => a(x, p) - b(x, p);
        case "multiply": return args.length === 2 ? (x, p) => a(x, p) * b(x, p) : (x, p) => args.reduce((s, g) => s * g(x, p), 1);
        case "divide": return (x, p) => a(x, p) / b(x, p);
        case "pow": return (x, p) => Math.pow(a(x, p), b(x, p));
      }
    }
  }
  throw new Error(`unsupported node ${node.type}`);
}

/** ln -> log and sigmoid(u) -> 1 / (1 + exp(-u)), which mathjs knows how to differentiate. */
function rewrite(node: MathNode): MathNode {
  const math = mathjs();
  return node.transform((child) => {
    if (child.type !== "FunctionNode") return child;
    const f = child as MathNode & { fn: { name: string }; args: MathNode[] };
    const arg = rewrite(f.args[0]);
    if (f.fn.name === "ln") return new math.FunctionNode(new math.SymbolNode("log"), [arg]);
    if (f.fn.name === "sigmoid") return math.parse("1 / (1 + exp(-(u)))").transform((c) => (c.type === "SymbolNode" && (c as MathNode & { name: string }).name === "u" ? arg : c));
    return child;
  });
}

function countNodes(node: MathNode): number {
  let n = 0;
  node.traverse(() => { n++; });
  return n;
}

/** Parses, checks and differentiates a formula. Errors carry a code and the 0-based index of the problem. */
export function compileFormula(input: string): FormulaResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, error: { code: "formulaEmpty", index: 0 } };
  if (input.length > FORMULA_MAX_LENGTH) return { ok: false, error: { code: "formulaTooLong", index: FORMULA_MAX_LENGTH } };
  let tree: MathNode;
  try {
    tree = mathjs().parse(text);
  } catch (e) {
    const char = (e as { char?: number }).char;
    const index = typeof char === "number" ? Math.max(0, Math.min(text.length, char - 1)) : 0;
    return { ok: false, error: { code: "formulaSyntax", index } };
  }
  const params: string[] = [];
  const refused = check(tree, text, params);
  if (refused) return { ok: false, error: refused };
  let usesX = false;
  tree.traverse((n) => { if (n.type === "SymbolNode" && (n as MathNode & { name: string }).name === "x") usesX = true; });
  if (!usesX) return { ok: false, error: { code: "formulaNoX", index: 0 } };
  let d: MathNode;
  try {
    d = mathjs().derivative(rewrite(tree), "x");
  } catch {
    return { ok: false, error: { code: "formulaNoDerivative", index: 0 } };
  }
  if (countNodes(d) > MAX_DERIVATIVE_NODES) return { ok: false, error: { code: "formulaTooDeep", index: 0 } };
  const output = toClosure(tree);
  const der = toClosure(d);
  return { ok: true, formula: { text, params, derivativeText: d.toString(), output, der } };
}
