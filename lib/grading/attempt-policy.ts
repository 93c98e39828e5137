// Attempt policies, the pure rules: how many attempts an exercise allows, when a student sees the
// score, and which attempt counts. Used by the live path, homework, the student's view and the
// board alike; without zod, so the browser can import it (the schema is in lib/grading/attempts.ts).
export const FEEDBACK_MODES = ["now", "afterReveal"] as const;
export const COUNTING_RULES = ["best", "last", "first"] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];
export const MAX_ATTEMPTS_LIMIT = 100;

/** An exercise's attempt policy (checked by attemptPolicySchema in lib/grading/attempts.ts). */
export interface AttemptPolicy {
  /** Attempts allowed; null: as many as the student likes. */
  maxAttempts: number | null;
  /** "now": the score comes back with the ack; "afterReveal": only once the answer is revealed. */
  feedback: FeedbackMode;
  /** Which attempt is the exercise's result (board, dashboard, gradebook). */
  counts: CountingRule;
}

/** What an exercise without a policy gets (the behaviour before policies existed). */
export const DEFAULT_POLICY: AttemptPolicy = { maxAttempts: null, feedback: "now", counts: "best" };

/** The policy of a preset already parsed (lib/lessons/exercises.ts): its own, else the default. */
export function policyIn(config: { attempts?: AttemptPolicy } | null | undefined): AttemptPolicy {
  return config?.attempts ?? DEFAULT_POLICY;
}

export interface AttemptAllowance {
  allowed: boolean;
  /** Attempts left after the prior ones (null: unlimited). */
  left: number | null;
}

/** May the student make one more attempt, given how many are already stored? */
export function allowance(policy: AttemptPolicy, prior: number): AttemptAllowance {
  if (policy.maxAttempts === null) return { allowed: true, left: null };
  const left = Math.max(0, policy.maxAttempts - prior);
  return { allowed: left > 0, left };
}

export interface Attempt {
  score: number;
  /** When it was stored (ISO string or Date); ties keep the order given. */
  at: string | Date;
}

const time = (a: Attempt) => (typeof a.at === "string" ? Date.parse(a.at) : a.at.getTime());

/** The attempt that counts under the policy (null when there is none). */
export function countingAttempt<A extends Attempt>(policy: AttemptPolicy, attempts: readonly A[]): A | null {
  let pick: A | null = null;
  for (const a of attempts) {
    if (!pick) pick = a;
    else if (policy.counts === "first" ? time(a) < time(pick) : policy.counts === "last" ? time(a) >= time(pick) : a.score > pick.score || (a.score === pick.score && time(a) >= time(pick))) pick = a;
  }
  return pick;
}

/** Whether the score of an attempt may be shown to the student now. The instructor always sees it. */
export function scoreVisible(policy: AttemptPolicy, revealed: boolean): boolean {
  return policy.feedback === "now" || revealed;
}

export interface GradedResult {
  score: number;
  maxScore: number;
  correct: boolean;
  reason?: string;
}

/**
 * The result as the student may see it: with feedback after the reveal, before the reveal, the
 * score, correctness and reason are withheld (the student only learns the attempt was received).
 */
export function forStudent<R extends GradedResult>(policy: AttemptPolicy, revealed: boolean, result: R): R & { hidden?: true } {
  if (scoreVisible(policy, revealed)) return result;
  return { ...result, score: 0, correct: false, reason: undefined, hidden: true };
}
