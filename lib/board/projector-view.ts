// What the projector may show while an exercise's scores are withheld. Under the attempt policy
// "feedback after the reveal" (lib/grading/attempts.ts) a student sees no score until the instructor
// reveals; the projector is seen by every student, so until then it shows who has submitted, not
// who is right: no score, no "correct" status, no answer summary. The instructor's own board
// (not the projector) keeps the real results.
import { policyOf, scoreVisible } from "../grading/attempts";
import type { BoardState, BoardTile } from "../live/session-protocol";
import type { HelpReason } from "./help-flags";

/** True when the projector must not show the current exercise's scores yet. */
export function scoresWithheld(exercise: BoardState["exercise"]): boolean {
  return !!exercise && !scoreVisible(policyOf(exercise.config), exercise.revealed);
}

/** The tiles as the projector shows them: results reduced to "submitted" while scores are withheld. */
export function projectorTiles<T extends BoardTile>(exercise: BoardState["exercise"], tiles: T[]): T[] {
  if (!scoresWithheld(exercise)) return tiles;
  return tiles.map((t) =>
    t.result
      ? { ...t, status: t.status === "correct" ? "submitted" : t.status, answer: undefined, result: { ...t.result, score: 0, correct: false, reason: undefined, hidden: true } }
      : t,
  );
}

/** Help flags that come from whether answers are right (a repeated failing answer, a wrong explanation or choice). */
const FROM_ANSWERS: ReadonlySet<HelpReason> = new Set(["repeated", "xorExplanation", "commonWrongChoice", "conceptAnswer"]);

/** While scores are withheld the projector counts only flags that say nothing about right or wrong. */
export function withoutAnswerFlags<F extends { reason: HelpReason }>(flags: readonly F[]): F[] {
  return flags.filter((f) => !FROM_ANSWERS.has(f.reason));
}
