import { useTranslations } from "next-intl";

const PARTS = {
  gate: ["sum", "line", "rule", "separable"],
  xor: ["xor", "notSeparable", "hidden"],
} as const;

/** The lesson in short, folded away under a summary: the perceptron (gate) or why XOR needs a hidden layer (xor). */
export default function TrainerLesson({ part, open = false }: { part: keyof typeof PARTS; open?: boolean }) {
  const t = useTranslations("trainer.lesson");
  return (
    <details className="card tr-lesson" open={open}>
      <summary>{t("show")}</summary>
      {part === "gate"
        ? PARTS.gate.map((k) => (
            <section key={k}>
              <h3>{t(`gate.${k}Title`)}</h3>
              <p>{t(`gate.${k}`)}</p>
            </section>
          ))
        : PARTS.xor.map((k) => (
            <section key={k}>
              <h3>{t(`xor.${k}Title`)}</h3>
              <p>{t(`xor.${k}`)}</p>
            </section>
          ))}
    </details>
  );
}
