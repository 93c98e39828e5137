#!/usr/bin/env node
// `npm test`: the type check, unit tests (lib/, messages), integration tests (the real server on PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set) and browser tests (Playwright, Debian Chromium).
// Ends with one line: "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpChromium } from "./chromium.mjs";

const node = process.execPath;
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-test-results-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
/** The failed tests' names, repeated at the end so that the log's last lines say what failed. */
const failures = [];
let broken = false;

function run(title, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(node, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return r.status === 0;
}

/** A check that passes or fails as a whole: one test in the count. */
function check(title, args, hint) {
  if (run(title, args)) return void (totals.passed += 1);
  if (hint) console.error(hint);
  totals.failed += 1;
}

// The browser tests' Chromium: found, or installed where it can be (scripts/chromium.mjs).
const browser = setUpChromium();

// 1. The production build the integration and browser tests run against.
if (!run("build (next build, when sources changed)", [tsx, "scripts/ensure-build.ts"])) {
  console.error("The build failed; no test can run.");
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

// 2. The type check: the build above skips it (server/build.ts, next.config.js) to fit a small server.
check("type check (tsc --noEmit)", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);

// 3. The house's layer rules (.dependency-cruiser.cjs): no import circles, lib/ pure, components/
//    never importing server/. One check: it passes or fails as a whole, naming each broken rule.
check(
  "layer rules (dependency-cruiser)",
  ["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", "--config", ".dependency-cruiser.cjs", "--output-type", "err", "lib", "server", "components", "app", "scripts", "bench", "e2e", "i18n", "messages"],
  "The layer rules are broken (see above): fix the import, do not loosen the rule.",
);

// 4. Unit + integration tests (vitest).
const vitestJson = path.join(out, "vitest.json");
run("unit and integration tests (vitest)", ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
try {
  const r = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  totals.passed += r.numPassedTests;
  // A file that failed to load has no failed test of its own: count it as one failure.
  const loadErrors = (r.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  totals.failed += r.numFailedTests + loadErrors;
  for (const f of r.testResults ?? []) {
    const file = path.relative(process.cwd(), f.name);
    const failed = (f.assertionResults ?? []).filter((a) => a.status === "failed");
    if (f.status === "failed" && failed.length === 0) failures.push(`vitest ${file}: did not load`);
    for (const a of failed) failures.push(`vitest ${file} › ${a.fullName}`);
  }
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} catch {
  console.error("vitest produced no result file");
  broken = true;
}

// 5. Browser tests (Playwright).
if (browser.missing) {
  console.error(`\nThe browser tests cannot run: ${browser.missing}.`);
  totals.failed += 1;
} else {
  const pwJson = path.join(out, "playwright.json");
  run("browser tests (Playwright, headless Chromium)", ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    CHROMIUM_PATH: browser.path,
  });
  try {
    const r = JSON.parse(fs.readFileSync(pwJson, "utf8"));
    totals.passed += r.stats.expected;
    totals.failed += r.stats.unexpected + r.stats.flaky + (r.errors?.length ?? 0);
    totals.skipped += r.stats.skipped;
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) if (!spec.ok || spec.tests?.some((t) => t.status === "flaky")) failures.push(`playwright ${spec.file}:${spec.line} › ${spec.title}`);
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of r.suites ?? []) walk(suite);
  } catch {
    console.error("Playwright produced no result file");
    broken = true;
  }
}

if (broken) totals.failed += 1;
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
