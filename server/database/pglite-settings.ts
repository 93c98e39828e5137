// The embedded database's memory. PGlite 0.3 starts Postgres with settings compiled into its WASM
// (`-c shared_buffers=128MB`, among others) and reads neither postgresql.conf nor extra arguments,
// and Postgres zeroes its whole buffer pool at start: 128 MB of resident memory and about a second
// of CPU at every start, for a classroom database of a few megabytes whose files the operating
// system caches anyway. We compile the module ourselves from PGlite's own file with that one
// setting rewritten in place (the string is NUL-terminated; the shorter value is padded with NULs),
// and hand it to PGlite (its `wasmModule` option). Measured: RSS of an open database 283 -> 174 MB.
// If the string is not there (another PGlite version), PGlite opens as it ships, and we say so.
import fs from "node:fs";
import path from "node:path";
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

let cached: WebAssembly.Module | null | undefined;

/** PGlite's WASM with our shared_buffers, compiled once per process; undefined: let PGlite load its own. */
export function pgliteWasmModule(): WebAssembly.Module | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  try {
    const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("@electric-sql/pglite");
    const patched = withSharedBuffers(fs.readFileSync(path.join(path.dirname(entry), "pglite.wasm")), SHARED_BUFFERS);
    if (patched) cached = new WebAssembly.Module(patched);
    else console.warn("[neuronlab] this PGlite version's shared_buffers was not found; the embedded database keeps its 128 MB buffer pool");
  } catch (e) {
    console.warn(`[neuronlab] could not prepare the embedded database's module (${e instanceof Error ? e.message : String(e)}); PGlite loads its own`);
  }
  return cached ?? undefined;
}
