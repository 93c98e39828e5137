// Summarise a V8 .cpuprofile (node --cpu-prof): self and total time per function and self time per
// file or package, optionally only the samples inside a window on the monotonic clock (in µs, as
// bench/join-profile.ts prints it), divided by a unit count (e.g. per join).
//
//   tsx bench/cpuprofile.ts CPU.cpuprofile [--from us --to us] [--per 300] [--top 40]
import fs from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as Profile;
const from = Number(arg("from", "0"));
const to = Number(arg("to", String(Number.MAX_SAFE_INTEGER)));
const per = Number(arg("per", "1"));
const top = Number(arg("top", "40"));

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame comes from: a package (node_modules/<name>), a file of ours, node itself, or V8. */
function place(u: string): string {
  if (!u) return "(native / V8)";
  if (u.startsWith("node:")) return u;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) {
    const inner = /\.next\/server\/(chunks\/[^/]+|app\/[^?]+)/.exec(u);
    return inner ? `${m[1]} (.next)` : m[1];
  }
  const next = /\.next\/server\/(.+)$/.exec(u);
  if (next) return `.next/server/${next[1].replace(/\[[^\]]+\]/g, "*")}`;
  return u.replace(/^file:\/\/.*?\/wt\/[^/]+\//, "");
}
const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const total = new Map<string, number>();
const files = new Map<string, number>();
let t = prof.startTime;
let inWindow = 0;
let idle = 0;
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i];
  const dt = prof.timeDeltas[i + 1] ?? 0;
  if (t < from || t > to) continue;
  const leaf = byId.get(prof.samples[i])!;
  const name = leaf.callFrame.functionName;
  if (name === "(idle)" || name === "(program)" && false) {
    idle += dt;
    continue;
  }
  inWindow += dt;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
  files.set(place(leaf.callFrame.url) + (name.startsWith("(") ? ` ${name}` : ""), (files.get(place(leaf.callFrame.url) + (name.startsWith("(") ? ` ${name}` : "")) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
}
const ms = (us: number) => (us / 1000 / per).toFixed(2).padStart(9);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ms  ${k}`);
};
console.log(`busy ${ms(inWindow)} ms, idle ${ms(idle)} ms (per unit, ${per} units)`);
show("self time by file / package", files);
show("self time by function", self);
show("total (inclusive) time by function", total);
