"use client";
import { useFormatter, useTranslations } from "next-intl";
import { CUSTOM_KEYS } from "@/lib/nn/activations";
import { COMMON_MIN, GROWTH_MIN, IDLE_MS, REPEAT_MIN, TURN_WINDOW, TURNS_MIN, type HelpFlag } from "@/lib/board/help-flags";

/**
 * A flag's reason in words, with the numbers that raised it, and the rules with their thresholds.
 * `customLabels`: the preset's formula activations' labels (custom1.. in order).
 */
export function useHelpText(customLabels: readonly string[] = []) {
  const t = useTranslations("help");
  const names = useTranslations("explorer.names");
  const concepts = useTranslations("dashboard.concepts");
  const format = useFormatter();
  const choiceName = (id: string) => {
    const i = (CUSTOM_KEYS as readonly string[]).indexOf(id);
    return i >= 0 ? customLabels[i] ?? id : names(id as "step");
  };
  const reason = (f: HelpFlag): string => {
    switch (f.reason) {
      case "idle": return t("reasons.idle", { seconds: IDLE_MS / 1000 });
      case "repeated": return t("reasons.repeated", { count: f.count });
      case "unstable": return f.turns >= TURNS_MIN
        ? t("reasons.unstableTurns", { turns: f.turns, window: TURN_WINDOW })
        : t("reasons.unstableGrowth", { growth: format.number(f.growth, { maximumFractionDigits: 1 }) });
      case "xorExplanation": return t("reasons.xorExplanation", { explanation: t(`explanations.${f.explanation}`) });
      case "conceptAnswer": return t("reasons.conceptAnswer", {
        question: concepts(`questions.${f.concept}`),
        choice: f.choice ? concepts(`choices.${f.concept}.${f.choice}` as "choices.deadRelu.negativeForAll") : t("unanswered"),
      });
      case "commonWrongChoice": return t(f.kind === "extra" ? "reasons.commonExtra" : "reasons.commonMissing", { choice: choiceName(f.choice), count: f.count });
    }
  };
  const rules = [
    t("rules.idle", { seconds: IDLE_MS / 1000 }),
    t("rules.repeated", { count: REPEAT_MIN }),
    t("rules.unstable", { turns: TURNS_MIN, window: TURN_WINDOW, growth: GROWTH_MIN }),
    t("rules.xorExplanation"),
    t("rules.commonWrongChoice", { min: COMMON_MIN }),
    t("rules.conceptAnswer"),
  ];
  return { reason, rules };
}
