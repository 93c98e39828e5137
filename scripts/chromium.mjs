// The browser tests' Chromium, set up where it can be (used by scripts/test.mjs): CHROMIUM_PATH when
// given; else the distribution's Chromium; else Playwright's own download if it is there; else,
// running as root with apt, `apt-get install chromium`; else Playwright's download (where the network
// allows it). Only when all of that fails does it say what is missing and how to provide it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const SYSTEM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

function playwrightChromium() {
  try {
    const p = createRequire(import.meta.url)("playwright-core").chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const found = () => SYSTEM.find((p) => fs.existsSync(p)) ?? playwrightChromium();

/** { path } of a Chromium binary, or { missing } saying what to do. Logs what it installs. */
export function setUpChromium(log = console.log) {
  const given = process.env.CHROMIUM_PATH;
  if (given) return fs.existsSync(given) ? { path: given } : { missing: `CHROMIUM_PATH=${given} does not exist` };
  let p = found();
  if (p) return { path: p };
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && has("apt-get")) {
    log("[test] no Chromium: installing Debian's (apt-get install chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    if ((p = found())) return { path: p };
  }
  log("[test] no Chromium: trying Playwright's download (npx playwright install chromium)");
  spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit", timeout: 180_000 });
  if ((p = found())) return { path: p };
  return {
    missing:
      `no Chromium found (${SYSTEM.join(", ")}, Playwright's download) and none could be installed here` +
      (root ? "" : " (not root, so not with apt)") +
      ". Install one (Debian: sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary",
  };
}
