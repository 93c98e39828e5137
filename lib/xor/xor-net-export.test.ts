import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { trainXorNet, XOR_NET_DEFAULTS } from "./xor-net";
import { xorNetFileName, xorNetRows, xorNetToCsv, xorNetToJson } from "./xor-net-export";

const config = { seed: 1, ...XOR_NET_DEFAULTS };

describe("two-layer XOR run downloads", () => {
  it("CSV: one row per epoch reached, the last one the net on screen", () => {
    const rows = xorNetRows(config, 500);
    const csv = parse(xorNetToCsv(rows), { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(500);
    const at500 = trainXorNet({ ...config, epochs: 500 });
    const last = csv[499];
    expect(Number(last.epoch)).toBe(500);
    expect([last.h1_w1, last.h1_w2, last.h1_b, last.h2_w1, last.h2_w2, last.h2_b, last.out_w1, last.out_w2, last.out_b].map(Number))
      .toEqual([...at500.final.hidden[0].w, at500.final.hidden[0].b, ...at500.final.hidden[1].w, at500.final.hidden[1].b, ...at500.final.out.w, at500.final.out.b]);
    expect(csv.map((r) => Number(r.accuracy))).toEqual(at500.history.map((h) => h.accuracy));
  });
  it("JSON: the settings that replay it, then the same epochs; nothing before the first epoch", () => {
    const rows = xorNetRows(config, 3);
    const j = JSON.parse(xorNetToJson(config, rows));
    expect(j).toMatchObject({ format: "neuronlab-xor-net-run", settings: config });
    expect(j.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2, 3]);
    expect(xorNetRows(config, 0)).toEqual([]);
    expect(xorNetFileName(config, "csv")).toBe("xor-net_lr2_seed1.csv");
  });
});
