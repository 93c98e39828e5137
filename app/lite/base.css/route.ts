import { stylesheet } from "../stylesheet";

/** The script-free pages' stylesheet (app/lite/stylesheet.ts): cached for a year, its address changes with it. */
export function GET(): Response {
  const { text, hash } = stylesheet();
  return new Response(text, { headers: { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000, immutable", etag: `"${hash}"` } });
}
