#!/usr/bin/env node
// `npm start`: runs the custom server (server/start.ts) from its bundle, built first when a source
// changed (scripts/server-bundle.mjs); server/start.ts then builds the web app when needed,
// migrates and seeds when needed, and serves. `npm run dev` runs server/start.ts through tsx instead.
// On Linux the server runs in a child node with a fixed malloc threshold (scripts/malloc-launch.mjs).
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInMallocChild } from "./malloc-launch.mjs";

if (!runInMallocChild(fileURLToPath(import.meta.url))) {
  const { ensureServerBundle } = await import("./server-bundle.mjs");
  const { ensurePortFree } = await import("./port-check.mjs");
  await ensurePortFree(process.env.PORT || 3000, process.env.HOST || "0.0.0.0");
  const bundle = await ensureServerBundle();
  await import(pathToFileURL(bundle).href);
}
