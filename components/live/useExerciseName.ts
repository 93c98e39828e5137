"use client";
import { useTranslations } from "next-intl";
import { exerciseConfig, isGateConfig } from "@/lib/lessons/exercise-config";
import type { ExerciseView } from "@/lib/live/session-protocol";

/** "Train a perceptron: AND", "The XOR puzzle"…: an exercise's name in the reader's language. */
export function useExerciseName() {
  const t = useTranslations("live.exercise");
  return (ex: Pick<ExerciseView, "type" | "config">): string => {
    if (ex.type !== "GATE") return t(ex.type);
    const config = exerciseConfig(ex.config);
    return t("GATE", { gate: isGateConfig(config) ? config.gate : "?" });
  };
}
