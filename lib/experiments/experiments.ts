// Class experiments: what the instructor sends with a push (its schema, checked by the server), and
// the pure rules of lib/experiments/experiment-groups.ts (re-exported here): groups, assignment, how each group did.
import { z } from "zod";
import { ASSIGNMENT_MODES, EXPERIMENT_VARIABLES, MAX_GROUPS, type ExperimentVariable } from "./experiment-groups";
import { SEED_MAX } from "../lessons/exercise-constants";
import { HIDDEN_ACTIVATIONS, isHiddenActivation, type HiddenActivation } from "../xor/xor-net";

export * from "./experiment-groups";

/**
 * What may differ in which exercise, the one rule (the setup form offers these, the server refuses
 * the rest): the learning rate in both perceptron exercises (gate, XOR), the initial weights only
 * where the trainer can fix the seed (gate), the hidden layer's activation only in XOR (its
 * two-layer step; the values are HIDDEN_ACTIVATIONS).
 */
export function variablesFor(type: string | undefined): readonly ExperimentVariable[] {
  return type === "GATE" ? ["lr", "seed"] : type === "XOR" ? ["lr", "activation"] : [];
}

/** The lesson's experiment on the hidden activation, offered first: linear, step, sigmoid, tanh, ReLU (one group each). */
export const DEFAULT_ACTIVATION_GROUPS: readonly HiddenActivation[] = ["linear", "step", "sigmoid", "tanh", "relu"];

const valueOk = (variable: ExperimentVariable, v: number | string) =>
  variable === "activation" ? isHiddenActivation(v)
  : typeof v !== "number" ? false
  : variable === "lr" ? v > 0 && v <= 10 : Number.isInteger(v) && v >= 0 && v <= SEED_MAX;

/** What the instructor sends with a push to make it an experiment. */
export const experimentSpecSchema = z
  .object({
    mode: z.enum(ASSIGNMENT_MODES),
    variable: z.enum(EXPERIMENT_VARIABLES),
    /** One per group: learning rates (0 < lr <= 10), seeds (integers, 32 bits), or hidden activations. */
    values: z.array(z.union([z.number().finite(), z.enum(HIDDEN_ACTIVATIONS)])).min(2).max(MAX_GROUPS),
    /** The assignment's seed (random and balanced modes); drawn by the server when absent. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .refine((s) => s.values.every((v) => valueOk(s.variable, v)), { message: "invalidInput", path: ["values"] })
  .refine((s) => new Set(s.values).size === s.values.length, { message: "invalidInput", path: ["values"] });
export type ExperimentSpec = z.infer<typeof experimentSpecSchema>;

export const chooseGroupSchema = z.object({ sessionId: z.string().min(1).max(64), group: z.number().int().min(0).max(MAX_GROUPS - 1) });
