import LessonArc from "@/components/lessons/LessonArc";
import PracticeXor from "@/components/xor/PracticeXor";
import TrainerLesson from "@/components/trainer/TrainerLesson";
import { BUILTIN_LESSON, xorConfigSchema } from "@/lib/lessons/exercises";
import { practicePage, type PracticeSearch } from "../practice-page";

const config = xorConfigSchema.parse(BUILTIN_LESSON.exercises[2]);

/** Practice: one perceptron tries XOR; explain why it fails, then see a hidden layer solve it. */
export default async function PracticeXorPage(props: PracticeSearch) {
  const { state, refused, head } = await practicePage(props, "trainer.xorPage");
  return (
    <>
      {head}
      <PracticeXor config={config} initial={state} refused={refused} />
      <TrainerLesson part="xor" />
      <LessonArc at="XOR" />
    </>
  );
}
