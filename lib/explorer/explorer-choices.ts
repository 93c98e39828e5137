/**
 * The explorer's choices as an exercise offers them: its built-in activations in their order,
 * then its formula activations under their keys (custom1..custom3) with the label and formula
 * the instructor gave. The board, the dashboard and the help list name a choice with `choiceName`,
 * so a formula is always called by its label and an unknown key is never shown as another function.
 */
import { ACTIVATIONS, CUSTOM_KEYS, type ActivationId, type ChoiceId } from "../nn/activations";
import type { CustomDef } from "../formula/custom-activation";
import { activationConfigSchema } from "../lessons/exercises";

export interface ExplorerChoice { id: ChoiceId; custom?: Pick<CustomDef, "label" | "formula"> }

export function explorerChoices(config: { activations: readonly ActivationId[]; customs?: readonly Pick<CustomDef, "label" | "formula">[] }): ExplorerChoice[] {
  return [
    ...config.activations.map((id) => ({ id })),
    ...(config.customs ?? []).slice(0, CUSTOM_KEYS.length).map((c, i) => ({ id: CUSTOM_KEYS[i], custom: { label: c.label, formula: c.formula } })),
  ];
}

/** A choice's name: a formula's label, a built-in's translated name (`builtin`), else the key itself. */
export function choiceName(choices: readonly ExplorerChoice[], id: string, builtin: (id: ActivationId) => string): string {
  const c = choices.find((x) => x.id === id);
  if (c?.custom) return c.custom.label;
  return id in ACTIVATIONS && !(CUSTOM_KEYS as readonly string[]).includes(id) ? builtin(id as ActivationId) : id;
}

/** The choices of an exercise's stored config, when it is an activation exercise (else none). */
export function choicesOfConfig(config: unknown): ExplorerChoice[] {
  const parsed = activationConfigSchema.safeParse(config);
  return parsed.success ? explorerChoices(parsed.data) : [];
}
