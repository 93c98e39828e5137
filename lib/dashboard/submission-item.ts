// One stored submission as the student's progress page and the instructor's student page list it
// (read by server/dashboard/progress.ts, drawn by components/dashboard/SubmissionList.tsx).
export interface SubmissionItem {
  id: string;
  createdAt: string;
  exerciseId: string;
  lessonTitle: string;
  position: number;
  type: "ACTIVATION" | "GATE" | "XOR";
  config: unknown;
  mode: "live" | "homework";
  score: number;
  maxScore: number;
  correct: boolean;
  late: boolean;
  reason: string | null;
  payload: unknown;
}
