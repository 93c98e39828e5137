"use client";
// zod compiles object schemas with `new Function` when it may; to find out, it tries once, and under
// our CSP (no 'unsafe-eval') that try is reported as a violation even though zod catches it. Tell
// zod up front not to try. Rendered once in the root layout, so it runs before any schema is built
// (zod reads the flag when a schema is created). Without importing zod: its config is this global
// object (zod/v4/core `globalConfig`), so pages with no schema do not download zod (31 KB gzip).
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };
const g = globalThis as ZodGlobal;
(g.__zod_globalConfig ??= {}).jitless = true;

export default function ZodJitless() {
  return null;
}
