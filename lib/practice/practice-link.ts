/**
 * A practice link an instructor puts in a lesson ("Try it on your own" beside an exercise): a
 * path on this site, one of the practice pages (lib/practice/practice-path.ts), with a query that
 * lib/practice/practice-params.ts reads in full. Anything else (another site, `//host`, a script URL, an
 * unknown or invalid parameter) is refused, so a lesson file from elsewhere cannot send students
 * off the site. A saved link is stored written the one way (normalPracticeLink).
 */
import { z } from "zod";
import { PRACTICE_LINK_MAX, practicePath } from "./practice-path";
import { readParams, toSearch } from "./practice-params";

export { PRACTICE_LINK_MAX, PRACTICE_PAGES } from "./practice-path";

/** The link written the one way toSearch writes it, or null when it is not a valid practice link. */
export function normalPracticeLink(raw: string): string | null {
  const path = practicePath(raw);
  if (!path) return null;
  const { state, refused } = readParams(path.query);
  if (refused.length > 0) return null;
  const q = toSearch(state);
  return `/practice/${path.page}${q ? `?${q}` : ""}`;
}

/** An instructor's link as pasted: this site's address in full is taken as its path. */
export function pastedPracticeLink(raw: string, origin: string): string {
  const s = raw.trim();
  return origin && s.startsWith(`${origin}/`) ? s.slice(origin.length) : s;
}

/** The optional practice link of an exercise preset. */
export const practiceLinkSchema = z
  .string()
  .max(PRACTICE_LINK_MAX, { message: "practiceLinkInvalid" })
  .refine((s) => normalPracticeLink(s) !== null, { message: "practiceLinkInvalid" })
  .transform((s) => normalPracticeLink(s) ?? s);
