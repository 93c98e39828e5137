/**
 * The two-layer XOR run as a file: every epoch's weights and biases (both hidden units and the
 * output), accuracy and loss, as CSV and JSON. The run is seeded, so the rows are recomputed by
 * replaying its settings (lib/xor/xor-net.ts), never read from the screen.
 */
import { cloneXorNet, startXorNet, stepXorEpoch, type XorNet, type XorNetConfig } from "./xor-net";

export interface XorNetRow { epoch: number; accuracy: number; loss: number; net: XorNet }

export const XOR_NET_CSV_HEADER = ["epoch", "accuracy", "loss", "h1_w1", "h1_w2", "h1_b", "h2_w1", "h2_w2", "h2_b", "out_w1", "out_w2", "out_b"] as const;

/** The first `upTo` epochs of the run (1-based epochs: the net after that many steps). */
export function xorNetRows(config: XorNetConfig, upTo: number): XorNetRow[] {
  const s = startXorNet({ ...config, epochs: Math.max(0, Math.min(upTo, config.epochs)) });
  const rows: XorNetRow[] = [];
  while (!s.done) {
    stepXorEpoch(s);
    const r = s.history[s.history.length - 1];
    rows.push({ epoch: r.epoch + 1, accuracy: r.accuracy, loss: r.loss, net: cloneXorNet(s.net) });
  }
  return rows;
}

const flat = (n: XorNet) => [...n.hidden[0].w, n.hidden[0].b, ...n.hidden[1].w, n.hidden[1].b, ...n.out.w, n.out.b];

export function xorNetToCsv(rows: readonly XorNetRow[]): string {
  const lines = rows.map((r) => [r.epoch, r.accuracy, r.loss, ...flat(r.net)].map(String).join(","));
  return [XOR_NET_CSV_HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}

export function xorNetToJson(config: XorNetConfig, rows: readonly XorNetRow[]): string {
  return JSON.stringify({ format: "neuronlab-xor-net-run", version: 1, settings: config, epochs: rows }, null, 2) + "\n";
}

export function xorNetFileName(config: XorNetConfig, ext: "csv" | "json"): string {
  return `xor-net_lr${config.lr}_seed${config.seed}.${ext}`;
}
