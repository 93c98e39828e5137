#!/usr/bin/env node
// `npm start`: runs the custom server (server/start.ts) from its bundle, built first when a source
// changed (scripts/server-bundle.mjs); server/start.ts then builds the web app when needed,
// migrates and seeds when needed, and serves. `npm run dev` runs server/start.ts through tsx instead.
import { pathToFileURL } from "node:url";
import { ensureServerBundle } from "./server-bundle.mjs";
import { ensurePortFree } from "./port-check.mjs";

await ensurePortFree(process.env.PORT || 3000, process.env.HOST || "0.0.0.0");

const bundle = await ensureServerBundle();
await import(pathToFileURL(bundle).href);
