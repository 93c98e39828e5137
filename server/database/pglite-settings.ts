// The embedded database's memory. PGlite 0.3 starts Postgres with settings compiled into its WASM
// (`-c shared_buffers=128MB`, among others) and reads neither postgresql.conf nor extra arguments,
// and Postgres zeroes its whole buffer pool at start: 128 MB of resident memory and about a second
// of CPU at every start, for a classroom database of a few megabytes whose files the operating
// system caches anyway. We compile the module ourselves from PGlite's own file with that one
// setting rewritten in place (the string is NUL-terminated; the shorter value is padded with NULs),
// and hand it to PGlite (its `wasmModule` option). Measured: RSS of an open database 283 -> 174 MB.
// If the string is not there (another PGlite version), PGlite opens as it ships, and we say so.
//
// The module is also compiled with a larger tier-up budget (`PGLITE_TIER_UP_BUDGET`). V8 runs
// WebAssembly first with its baseline compiler (Liftoff) and recompiles a function with its
// optimising compiler (TurboFan) once it has run for a budget (V8's default: about 1.8 MB of code
// executed). Postgres's start (recovery, the catalog caches) runs many functions past that budget
// once, and optimising them cost 0.4-0.7 s of CPU on V8's background threads at every start, before
// the server served. With 50 M: about 0.35 s less CPU to serving, and the dashboard's heavy queries
// (25,000 submissions) as fast as before, their hot functions still optimised; 500 M saved 0.6 s but
// made those queries 2-3x slower (docs/performance.md). V8 reads the budget when it compiles a
// module, so only PGlite's module gets it (Prisma's query compiler keeps V8's default). Not done
// when the budget is given on Node's command line.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { createRequire } from "node:module";

/** Postgres's page cache inside the embedded database. */
export const SHARED_BUFFERS = "16MB";
const SHIPPED = "shared_buffers=128MB\0";

/** `bytes` with the shipped shared_buffers replaced by `value`; null when the setting is not found exactly once. */
export function withSharedBuffers(bytes: Uint8Array, value: string): Uint8Array<ArrayBuffer> | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Buffer.from(SHIPPED);
  const at = buf.indexOf(from);
  if (at < 0 || buf.indexOf(from, at + 1) >= 0) return null;
  const to = Buffer.alloc(from.length); // zero-filled: the value's own terminator and the padding
  if (to.write(`shared_buffers=${value}`) >= from.length) return null;
  const out = new Uint8Array(bytes); // a copy: the file's bytes stay as read
  out.set(to, at);
  return out;
}

/** V8's tier-up budget for PGlite's functions (V8's default: 1,800,000). */
export const PGLITE_TIER_UP_BUDGET = 50_000_000;
const V8_DEFAULT_TIER_UP_BUDGET = 1_800_000;

/** `new WebAssembly.Module(bytes)` with the tier-up budget above (unless Node was given one). */
export function compileWithBudget(bytes: Uint8Array<ArrayBuffer>, execArgv = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(" ")]): WebAssembly.Module {
  if (execArgv.some((a) => /^--wasm[-_]tiering[-_]budget/.test(a))) return new WebAssembly.Module(bytes);
  v8.setFlagsFromString(`--wasm-tiering-budget=${PGLITE_TIER_UP_BUDGET}`);
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    v8.setFlagsFromString(`--wasm-tiering-budget=${V8_DEFAULT_TIER_UP_BUDGET}`);
  }
}

let cached: WebAssembly.Module | null | undefined;

/** PGlite's WASM with our shared_buffers and tier-up budget, compiled once per process; undefined: let PGlite load its own. */
export function pgliteWasmModule(): WebAssembly.Module | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  try {
    const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("@electric-sql/pglite");
    const patched = withSharedBuffers(fs.readFileSync(path.join(path.dirname(entry), "pglite.wasm")), SHARED_BUFFERS);
    if (patched) cached = compileWithBudget(patched);
    else console.warn("[neuronlab] this PGlite version's shared_buffers was not found; the embedded database keeps its 128 MB buffer pool");
  } catch (e) {
    console.warn(`[neuronlab] could not prepare the embedded database's module (${e instanceof Error ? e.message : String(e)}); PGlite loads its own`);
  }
  return cached ?? undefined;
}
