// bench:live: the pool of load workers (child processes) and waiting for their answers, bounded.
import type { ChildProcess } from "node:child_process";
import { forkWorker } from "./live-servers";
import type { FromWorker, ToWorker } from "./live-messages";

type Of<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

export class Pool {
  workers: ChildProcess[];
  private inbox: FromWorker[][];
  private wake: (() => void) | null = null;

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => forkWorker());
    this.inbox = this.workers.map(() => []);
    this.workers.forEach((w, k) =>
      w.on("error", () => {}).on("message", (m: FromWorker) => {
        this.inbox[k].push(m);
        this.wake?.();
      }),
    );
  }

  /** A worker that died is reported by collect() (no answer); sending to it is not an error. */
  send(k: number, m: ToWorker) {
    const w = this.workers[k];
    if (w.connected) w.send(m, (e) => e && undefined);
  }
  all(m: ToWorker) {
    this.workers.forEach((_, k) => this.send(k, m));
  }

  /**
   * One message of this type from every worker (matching `accept`), or what arrived by the deadline
   * (null for a worker that did not answer).
   */
  async collect<T extends FromWorker["type"]>(type: T, timeoutMs: number, accept: (m: Of<T>) => boolean = () => true): Promise<(Of<T> | null)[]> {
    const deadline = Date.now() + timeoutMs;
    const got: (Of<T> | null)[] = this.workers.map(() => null);
    for (;;) {
      this.inbox.forEach((box, k) => {
        if (got[k]) return;
        const i = box.findIndex((m) => m.type === type && accept(m as Of<T>));
        if (i >= 0) got[k] = box.splice(i, 1)[0] as Of<T>;
      });
      const left = deadline - Date.now();
      if (got.every(Boolean) || left <= 0 || this.workers.every((w) => w.exitCode !== null)) return got;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.min(left, 1000));
        this.wake = () => {
          clearTimeout(timer);
          r();
        };
      });
      this.wake = null;
    }
  }

  pids(): number[] {
    return this.workers.map((w) => w.pid!).filter(Boolean);
  }

  async close() {
    this.all({ cmd: "close" });
    const deadline = Date.now() + 5000;
    while (this.workers.some((w) => w.exitCode === null && w.signalCode === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const w of this.workers) if (w.exitCode === null) w.kill("SIGKILL");
  }
}
