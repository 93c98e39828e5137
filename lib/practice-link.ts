/**
 * A practice link an instructor puts in a lesson ("Try it on your own" beside an exercise): a
 * path on this site, one of the practice pages, with a query that lib/practice-params.ts reads
 * in full. Anything else (another site, `//host`, a script URL, an unknown or invalid parameter)
 * is refused, so a lesson file from elsewhere cannot send students off the site.
 */
import { z } from "zod";
import { PRACTICE_KEYS, readParams, toSearch } from "./practice-params";

export const PRACTICE_PAGES = ["activation", "gate", "xor"] as const;
export const PRACTICE_LINK_MAX = 600;
const BASE = "http://practice.invalid";

/** The link written the one way toSearch writes it, or null when it is not a valid practice link. */
export function normalPracticeLink(raw: string): string | null {
  const s = raw.trim();
  if (!s.startsWith("/practice/") || s.length > PRACTICE_LINK_MAX || /[\\\s]/.test(s)) return null;
  let url: URL;
  try { url = new URL(s, BASE); } catch { return null; }
  if (url.origin !== BASE || url.hash || url.username || url.password) return null;
  const page = url.pathname.slice("/practice/".length);
  if (!(PRACTICE_PAGES as readonly string[]).includes(page)) return null;
  const keys = [...url.searchParams.keys()];
  if (keys.some((k) => !(PRACTICE_KEYS as readonly string[]).includes(k)) || new Set(keys).size !== keys.length) return null;
  const { state, refused } = readParams(url.searchParams);
  if (refused.length > 0) return null;
  const q = toSearch(state);
  return `/practice/${page}${q ? `?${q}` : ""}`;
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
  .refine((s) => normalPracticeLink(s) !== null, { message: "practiceLinkInvalid" });
