"use client";
import { useTranslations } from "next-intl";
import { gateConfigSchema } from "@/lib/exercises";
import type { ExerciseView } from "@/lib/session-protocol";

/** "Train a perceptron: AND", "The XOR puzzle"…: an exercise's name in the reader's language. */
export function useExerciseName() {
  const t = useTranslations("live.exercise");
  return (ex: Pick<ExerciseView, "type" | "config">): string => {
    if (ex.type !== "GATE") return t(ex.type);
    const gate = gateConfigSchema.safeParse(ex.config);
    return t("GATE", { gate: gate.success ? gate.data.gate : "?" });
  };
}
