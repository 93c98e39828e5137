// bench:live: the messages between the parent (bench/live.ts) and its load workers (bench/live-worker.ts).

export interface WorkerInit {
  cmd: "init";
  runId: string;
  url: string;
  /** The bare socket.io server: no sign-in, the nickname is the user id (handshake auth). */
  bare: boolean;
  joinCode?: string;
  classId: string;
  sessionId: string;
  students: { i: number; nickname: string }[];
  concurrency: number;
  transports: string[];
  timeoutMs: number;
}

/** A session:state every student should get: the exercise (targets get exerciseId, the others othersExerciseId) or a paused flag. */
export interface Expect {
  id: number;
  since: number;
  targets: number[] | null;
  exerciseId: string | null;
  othersExerciseId: string | null;
  paused?: boolean;
}

export type ToWorker =
  | WorkerInit
  | { cmd: "expect"; expect: Expect }
  | { cmd: "expect-end"; id: number }
  | { cmd: "stream"; count: number; intervalMs: number; exerciseId: string | null }
  | { cmd: "stream-stop" }
  | { cmd: "submit"; windowMs: number; exerciseId: string; giveUpMs: number }
  /** --net-burst: compute each student's 2-8-1 run now (before the burst, so the burst measures the server only). */
  | { cmd: "net-prepare" }
  | { cmd: "net-submit"; windowMs: number; exerciseId: string; giveUpMs: number }
  | { cmd: "stats" }
  | { cmd: "close" };

export interface Joined {
  i: number;
  userId: string;
  joinStart: number;
  joinEnd: number;
  enteredAt: number;
  connects: number;
  reconnects: number;
  error?: string;
}

/** Send times of one student's progress, index k-1 = epoch k (0 = not sent: not connected). */
export interface Sent { userId: string; times: number[] }

export interface Submitted {
  userId: string;
  sentAt: number;
  ackAt: number;
  /** --net-burst: when the run's grade arrived (xor:graded, or an ack "graded"); 0: none. */
  gradedAt?: number;
  tries: number;
  ok: boolean;
  correct?: boolean;
  error?: string;
}

export type FromWorker =
  | { type: "joined"; joined: Joined[]; workerStart: number }
  | { type: "expect-ready"; id: number }
  | { type: "expect-done"; id: number; latencies: number[]; missed: number }
  | { type: "stream-done"; sent: Sent[] }
  | { type: "submit-done"; results: Submitted[] }
  | { type: "net-ready"; runs: number; ms: number }
  | { type: "net-done"; results: Submitted[] }
  | { type: "stats"; disconnects: number; reasons: Record<string, number>; connectErrors: number; connected: number; senderDropped: number; transports: Record<string, number> };
