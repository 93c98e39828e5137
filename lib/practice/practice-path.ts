/**
 * Where a practice link may point: a path on this site, one of the practice pages, with only the
 * practice pages' own query keys (each once). No other site, `//host`, script URL or fragment, so a
 * lesson file from elsewhere cannot send students off the site. Pure and without zod: the student's
 * page checks a preset's link with this before linking it; lib/practice/practice-link.ts adds the check of
 * every value (readParams) where a link is saved.
 */
import { PRACTICE_KEYS } from "./practice-search";

export const PRACTICE_PAGES = ["activation", "gate", "xor"] as const;
export type PracticePage = (typeof PRACTICE_PAGES)[number];
export const PRACTICE_LINK_MAX = 600;
const BASE = "http://practice.invalid";

/** The link's page and query, when it is a practice page of this site with known keys only; else null. */
export function practicePath(raw: string): { page: PracticePage; query: URLSearchParams; href: string } | null {
  const s = raw.trim();
  if (!s.startsWith("/practice/") || s.length > PRACTICE_LINK_MAX || /[\\\s]/.test(s)) return null;
  let url: URL;
  try { url = new URL(s, BASE); } catch { return null; }
  if (url.origin !== BASE || url.hash || url.username || url.password) return null;
  const page = url.pathname.slice("/practice/".length);
  if (!(PRACTICE_PAGES as readonly string[]).includes(page)) return null;
  const keys = [...url.searchParams.keys()];
  if (keys.some((k) => !(PRACTICE_KEYS as readonly string[]).includes(k)) || new Set(keys).size !== keys.length) return null;
  return { page: page as PracticePage, query: url.searchParams, href: `${url.pathname}${url.search}` };
}
