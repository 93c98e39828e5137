// Test and bench support: HAProxy from the distribution in front of server nodes, configured from
// deploy/haproxy.cfg, the file docs/deploy.md quotes (balancer.test.ts checks they agree). Only the
// listening address and the node addresses are replaced; everything else is the user's file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const HAPROXY_TEMPLATE = path.join(__dirname, "..", "..", "deploy", "haproxy.cfg");

/** Why the balancer cannot run here (the package to install), or null when it can. */
export function haproxyMissing(): string | null {
  return spawnSync("sh", ["-c", "command -v haproxy"]).status === 0 ? null : "haproxy is not installed (Debian: apt-get install haproxy)";
}

const letter = (i: number) => String.fromCharCode(97 + i);

/** deploy/haproxy.cfg listening on 127.0.0.1:port, one `server` line per node port (a, b, c...). */
export function renderHaproxy(template: string, port: number, nodePorts: number[]): string {
  const lines = template.split("\n");
  const bind = lines.findIndex((l) => /^\s*bind \*:80\b/.test(l));
  const servers = lines.map((l, i) => (/^\s*server \w+ \S+ cookie \w+/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (bind < 0 || servers.length === 0) throw new Error(`${HAPROXY_TEMPLATE}: no "bind *:80" or no "server ... cookie ..." line`);
  const indent = /^\s*/.exec(lines[servers[0]])![0];
  lines[bind] = lines[bind].replace(/bind \*:80/, `bind 127.0.0.1:${port}`);
  const mine = nodePorts.map((p, i) => `${indent}server ${letter(i)} 127.0.0.1:${p} cookie ${letter(i)}`);
  return [...lines.slice(0, servers[0]), ...mine, ...lines.slice(servers[servers.length - 1] + 1)].join("\n");
}

export interface Balancer {
  url: string;
  port: number;
  pid: number;
  /** The cookie that pins a client to node i (HAProxy's `cookie SRV insert`). */
  pin: (i: number) => [string, string];
  log: () => string;
  stop: () => Promise<void>;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

/** Starts haproxy (its own process, config and port) in front of the given node ports. */
export async function startBalancer(port: number, nodePorts: number[]): Promise<Balancer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lb-haproxy-"));
  const cfg = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(cfg, renderHaproxy(fs.readFileSync(HAPROXY_TEMPLATE, "utf8"), port, nodePorts));
  let out = "";
  const proc: ChildProcess = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`haproxy did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: proc.pid!,
    pin: (i) => ["SRV", letter(i)],
    log: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        await new Promise<void>((resolve) => {
          proc.once("exit", () => resolve());
          proc.kill("SIGTERM");
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
