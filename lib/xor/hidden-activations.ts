// The hidden layer's activations, apart from the net itself (lib/xor/xor-net.ts re-exports them): a live
// page checks an experiment's setting with these without downloading the net, the grid and the perceptron.
import type { ActivationId } from "../nn/activations";

export const HIDDEN_ACTIVATIONS = ["linear", "step", "sigmoid", "tanh", "relu", "leakyRelu"] as const satisfies readonly ActivationId[];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export const isHiddenActivation = (v: unknown): v is HiddenActivation => (HIDDEN_ACTIVATIONS as readonly unknown[]).includes(v);
