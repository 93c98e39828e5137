/**
 * A training run as a file: weights, bias and accuracy after every epoch, as
 * CSV (one row per epoch) and as JSON (the settings that replay it, then the
 * same rows). Pure: the browser turns the text into a download.
 */
import type { EpochRecord } from "../nn/perceptron";

export interface RunSettings { gate: string; lr: number; epochs: number; seed: number; init?: { w: [number, number]; b: number } }

export const RUN_CSV_HEADER = ["epoch", "accuracy", "w1", "w2", "b"] as const;

/** RFC 4180 with CRLF; epochs are 1-based (the run after that many epochs); numbers in full precision. */
export function runToCsv(history: readonly EpochRecord[]): string {
  const rows = history.map((r) => [r.epoch + 1, r.accuracy, r.w[0], r.w[1], r.b].map(String).join(","));
  return [RUN_CSV_HEADER.join(","), ...rows].join("\r\n") + "\r\n";
}

export function runToJson(settings: RunSettings, history: readonly EpochRecord[]): string {
  const epochs = history.map((r) => ({ epoch: r.epoch + 1, accuracy: r.accuracy, w: [r.w[0], r.w[1]], b: r.b }));
  return JSON.stringify({ format: "neuronlab-run", version: 1, settings, epochs }, null, 2) + "\n";
}

/** A file name from the run's settings: `run_AND_lr0.1_seed3.csv`. */
export function runFileName(s: RunSettings, ext: "csv" | "json"): string {
  return `run_${s.gate}_lr${s.lr}_seed${s.seed}.${ext}`;
}
