// `npm start` (scripts/start.mjs) with its PORT already taken by another server: one line naming the
// port and what to do, and a non-zero exit (not a stack trace and a process that stays up unserving).
import { spawn } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { port } from "./testing/throwaway";

let taken: net.Server;
let takenPort = 0;
beforeAll(async () => {
  takenPort = await port(70);
  taken = net.createServer((s) => s.end());
  await new Promise<void>((resolve, reject) => {
    taken.once("error", reject);
    taken.listen(takenPort, "127.0.0.1", resolve);
  });
});
afterAll(() => new Promise<void>((r) => taken.close(() => r())));

it("says which port is taken and how to choose another, and exits non-zero", async () => {
  const proc = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(takenPort), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr.on("data", (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));
  expect(code).toBe(1);
  const lines = out.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`port ${takenPort}`);
  expect(lines[0]).toMatch(/PORT=\d+ npm start/);
  expect(out).not.toMatch(/uncaughtException|at .*\(node:/);
}, 30_000);
