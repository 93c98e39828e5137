// The concept questions' schemas (lib/grading/concepts.ts): which ones a preset asks, and a student's answers.
import { z } from "zod";
import { CONCEPT_CHOICES, CONCEPT_IDS, type ConceptAnswers } from "./concepts";

/** The questions an XOR preset asks after the run (each at most once). */
export const askedConceptsSchema = z
  .array(z.enum(CONCEPT_IDS))
  .min(1)
  .max(CONCEPT_IDS.length)
  .refine((ids) => new Set(ids).size === ids.length, { message: "invalidInput" });

/** One choice per question answered; an unknown question or choice is refused. */
export const conceptAnswersSchema: z.ZodType<ConceptAnswers> = z.strictObject({
  linearCollapse: z.enum(CONCEPT_CHOICES.linearCollapse).optional(),
  stepNoGradient: z.enum(CONCEPT_CHOICES.stepNoGradient).optional(),
  saturation: z.enum(CONCEPT_CHOICES.saturation).optional(),
  deadRelu: z.enum(CONCEPT_CHOICES.deadRelu).optional(),
});
