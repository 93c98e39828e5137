import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { train } from "../nn/perceptron";
import { runFileName, runToCsv, runToJson } from "./run-export";

const settings = { gate: "AND" as const, lr: 0.1, epochs: 30, seed: 3 };
const run = train(settings);

describe("run downloads", () => {
  it("CSV: one row per epoch with the exact weights, bias and accuracy", () => {
    const csv = runToCsv(run.history);
    expect(csv.split("\r\n")[0]).toBe("epoch,accuracy,w1,w2,b");
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(30);
    const last = rows[29];
    expect(Number(last.epoch)).toBe(30);
    expect([Number(last.w1), Number(last.w2), Number(last.b)]).toEqual([run.final.w[0], run.final.w[1], run.final.b]);
    expect(rows.map((r) => Number(r.accuracy))).toEqual(run.history.map((h) => h.accuracy));
  });
  it("JSON: the settings that replay the run, then the same epochs", () => {
    const j = JSON.parse(runToJson(settings, run.history));
    expect(j.settings).toEqual(settings);
    expect(j.epochs).toHaveLength(30);
    const replay = train(j.settings);
    expect(j.epochs[29]).toEqual({ epoch: 30, accuracy: replay.history[29].accuracy, w: replay.final.w, b: replay.final.b });
  });
  it("names the file after the run", () => {
    expect(runFileName(settings, "csv")).toBe("run_AND_lr0.1_seed3.csv");
  });
});
