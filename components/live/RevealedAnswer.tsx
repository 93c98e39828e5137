"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ExerciseConfig } from "@/lib/lessons/exercises";
import { revealedAnswer } from "@/lib/grading/reveal";
import { useFormulaActivations } from "../explorer/useFormulaActivations";

/** The answer the instructor revealed, computed from the exercise's config. */
export default function RevealedAnswer({ config }: { config: ExerciseConfig }) {
  const t = useTranslations("live.reveal");
  const tx = useTranslations("explorer");
  const tq = useTranslations("trainer.question.choices");
  const format = useFormatter();
  const customs = config.type === "ACTIVATION" ? config.customs ?? [] : [];
  const built = useFormulaActivations(customs); // a preset's formulas count in the answer too
  const a = revealedAnswer(config, built?.flatMap((b) => (b.ok ? [b.activation] : [])) ?? []);
  const label = (id: string, i = ["custom1", "custom2", "custom3"].indexOf(id)) => (i >= 0 && customs[i] ? customs[i].label : tx(`names.${id as "step"}`));
  const num = (x: number) => format.number(x, { maximumFractionDigits: 4 });
  let text: string;
  if (a.type === "ACTIVATION") {
    const question = tx(`question.prompts.${a.question}`);
    text = a.expected.length
      ? t("activation", { question, names: format.list(a.expected.map((id) => label(id)), { type: "conjunction" }) })
      : t("activationNone", { question });
  } else if (a.type === "GATE") {
    const e = a.example;
    text = e
      ? t("gate", { gate: a.gate, lr: num(e.lr), epochs: e.epochs, seed: e.seed, w1: num(e.w[0]), w2: num(e.w[1]), b: num(e.b) })
      : t("gateNoExample", { gate: a.gate });
  } else {
    text = t("xor", { explanation: tq(a.explanation), max: a.maxAccuracy });
  }
  return (
    <section className="card live-reveal" aria-labelledby="live-reveal-title" data-testid="revealed-answer">
      <h2 id="live-reveal-title">{t("title")}</h2>
      <p>{text}</p>
    </section>
  );
}
