import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, allowance, attemptPolicySchema, countingAttempt, forStudent, policyOf, scoreVisible, type AttemptPolicy } from "./attempts";

const policy = (p: Partial<AttemptPolicy>): AttemptPolicy => ({ ...DEFAULT_POLICY, ...p });
const a = (score: number, minute: number) => ({ score, at: new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString() });

describe("attempt policy", () => {
  it("reads the policy from an exercise config, and falls back to unlimited / now / best", () => {
    expect(policyOf({ type: "GATE", attempts: { maxAttempts: 3, feedback: "afterReveal", counts: "last" } })).toEqual({ maxAttempts: 3, feedback: "afterReveal", counts: "last" });
    expect(policyOf({ type: "GATE" })).toEqual(DEFAULT_POLICY);
    expect(policyOf({ attempts: { maxAttempts: 0, feedback: "now", counts: "best" } })).toEqual(DEFAULT_POLICY);
    expect(policyOf(null)).toEqual(DEFAULT_POLICY);
  });

  it("rejects nonsense limits at the edge", () => {
    expect(attemptPolicySchema.safeParse({ maxAttempts: 0, feedback: "now", counts: "best" }).success).toBe(false);
    expect(attemptPolicySchema.safeParse({ maxAttempts: 2.5, feedback: "now", counts: "best" }).success).toBe(false);
    expect(attemptPolicySchema.safeParse({ maxAttempts: 101, feedback: "now", counts: "best" }).success).toBe(false);
    expect(attemptPolicySchema.safeParse({ maxAttempts: null, feedback: "later", counts: "best" }).success).toBe(false);
  });

  it("allows exactly maxAttempts attempts and counts down", () => {
    const p = policy({ maxAttempts: 3 });
    expect([0, 1, 2, 3, 4].map((n) => allowance(p, n))).toEqual([
      { allowed: true, left: 3 },
      { allowed: true, left: 2 },
      { allowed: true, left: 1 },
      { allowed: false, left: 0 },
      { allowed: false, left: 0 },
    ]);
    expect(allowance(policy({ maxAttempts: null }), 1000)).toEqual({ allowed: true, left: null });
  });

  it("picks the attempt that counts: best (latest on a tie), last, first", () => {
    const tries = [a(5, 3), a(10, 1), a(0, 4), a(10, 2)];
    expect(countingAttempt(policy({ counts: "best" }), tries)).toBe(tries[3]);
    expect(countingAttempt(policy({ counts: "last" }), tries)).toBe(tries[2]);
    expect(countingAttempt(policy({ counts: "first" }), tries)).toBe(tries[1]);
    expect(countingAttempt(policy({ counts: "best" }), [])).toBeNull();
  });

  it("hides the score from the student until the reveal when feedback is after the reveal", () => {
    const r = { score: 10, maxScore: 10, correct: true, reason: "ok" };
    const later = policy({ feedback: "afterReveal" });
    expect(scoreVisible(later, false)).toBe(false);
    expect(forStudent(later, false, r)).toEqual({ score: 0, maxScore: 10, correct: false, reason: undefined, hidden: true });
    expect(forStudent(later, true, r)).toEqual(r);
    expect(forStudent(policy({ feedback: "now" }), false, r)).toEqual(r);
  });
});
