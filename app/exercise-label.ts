// One name per exercise on every page (board, controls, student page, dashboard, history):
// "2. Train a perceptron: AND". For server components; the browser uses components/useExerciseName.
import { getTranslations } from "next-intl/server";

export type Labelled = { position: number; type: string; gate?: string | null };

export async function exerciseLabeler(): Promise<(e: Labelled) => string> {
  const names = await getTranslations("live.exercise");
  return (e) => `${e.position + 1}. ${e.type === "GATE" ? names("GATE", { gate: e.gate ?? "?" }) : names(e.type as "XOR" | "ACTIVATION")}`;
}
