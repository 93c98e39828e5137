"use client";
// zod compiles object schemas with `new Function` when it may; to find out, it tries once, and under
// our CSP (no 'unsafe-eval') that try is reported as a violation even though zod catches it. Tell
// zod up front not to try. Rendered once in the root layout, so it runs before any form is parsed.
import { z } from "zod";

z.config({ jitless: true });

export default function ZodJitless() {
  return null;
}
