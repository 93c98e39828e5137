import { getTranslations } from "next-intl/server";
import GateTrainer from "@/components/GateTrainer";
import TrainerLesson from "@/components/TrainerLesson";
import { BUILTIN_LESSON, gateConfigSchema } from "@/lib/exercises";

const config = gateConfigSchema.parse(BUILTIN_LESSON.exercises[1]);

/** Practice: train one perceptron on a logic gate, checked locally. */
export default async function PracticeGatePage() {
  const t = await getTranslations("trainer.gatePage");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <TrainerLesson part="gate" open />
      <GateTrainer config={config} />
    </>
  );
}
