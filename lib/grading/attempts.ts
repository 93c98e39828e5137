// Attempt policies: how many attempts an exercise allows, when a student sees the score, and which
// attempt counts. Set by the instructor in the lesson preset (Exercise.config.attempts); pure rules
// in lib/grading/attempt-policy.ts (re-exported here); the schema and policyOf, for presets not parsed yet,
// here (the server; the browser reads parsed presets with policyIn).
import { z } from "zod";
import { COUNTING_RULES, DEFAULT_POLICY, FEEDBACK_MODES, MAX_ATTEMPTS_LIMIT, type AttemptPolicy } from "./attempt-policy";

export * from "./attempt-policy";

export const attemptPolicySchema = z.object({
  /** Attempts allowed; null: as many as the student likes. */
  maxAttempts: z.number().int().min(1).max(MAX_ATTEMPTS_LIMIT).nullable(),
  /** "now": the score comes back with the ack; "afterReveal": only once the answer is revealed. */
  feedback: z.enum(FEEDBACK_MODES),
  /** Which attempt is the exercise's result (board, dashboard, gradebook). */
  counts: z.enum(COUNTING_RULES),
}) satisfies z.ZodType<AttemptPolicy>;

/** The policy in a stored config, checked; anything else gets the default. */
export function policyOf(config: unknown): AttemptPolicy {
  const raw = config && typeof config === "object" ? (config as { attempts?: unknown }).attempts : undefined;
  const parsed = attemptPolicySchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}
