import { getTranslations } from "next-intl/server";
import TrainerLesson from "@/components/TrainerLesson";
import XorAttempt from "@/components/XorAttempt";
import { BUILTIN_LESSON, xorConfigSchema } from "@/lib/exercises";

const config = xorConfigSchema.parse(BUILTIN_LESSON.exercises[2]);

/** Practice: one perceptron tries XOR; explain why it fails, then see a hidden layer solve it. */
export default async function PracticeXorPage() {
  const t = await getTranslations("trainer.xorPage");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <XorAttempt config={config} />
      <TrainerLesson part="xor" />
    </>
  );
}
