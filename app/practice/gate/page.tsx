import LessonArc from "@/components/lessons/LessonArc";
import PracticeGate from "@/components/trainer/PracticeGate";
import TrainerLesson from "@/components/trainer/TrainerLesson";
import { BUILTIN_LESSON, gateConfigSchema } from "@/lib/lessons/exercises";
import { practicePage, type PracticeSearch } from "../practice-page";

const config = gateConfigSchema.parse(BUILTIN_LESSON.exercises[1]);

/** Practice: train one perceptron on a logic gate, checked locally. */
export default async function PracticeGatePage(props: PracticeSearch) {
  const { state, refused, head } = await practicePage(props, "trainer.gatePage");
  return (
    <>
      {head}
      <TrainerLesson part="gate" open />
      <PracticeGate config={config} initial={state} refused={refused} />
      <LessonArc at="GATE" />
    </>
  );
}
