/**
 * The practice pages' whole state in the URL, as one table of named, typed
 * properties (after tensorflow/playground's state.ts): each has a zod schema
 * in lib/practice/practice-schemas.ts and a writer in lib/practice/practice-search.ts, and `readParams` / `toSearch`
 * are driven by the tables, so a new control costs one entry in each. Runs are
 * seeded, so a link replays exactly the same run. A value that does not parse
 * is dropped (the page's default is used) and named in `refused`.
 * `readParams` runs on the server (the pages, lesson presets); the browser
 * imports lib/practice/practice-search.ts only, without zod.
 */
import { PRACTICE_SCHEMAS } from "./practice-schemas";
import { PRACTICE_KEYS, type PracticeKey, type PracticeState } from "./practice-search";

export { PRACTICE_SCHEMAS };
export { PRACTICE_KEYS, initialWeights, toSearch, type PracticeKey, type PracticeState } from "./practice-search";

type Source = URLSearchParams | Record<string, string | string[] | undefined>;
const get = (src: Source, key: string): string | undefined => {
  if (src instanceof URLSearchParams) return src.get(key) ?? undefined;
  const v = src[key];
  return Array.isArray(v) ? v[0] : v;
};

/** Every known property present and valid; the keys present but invalid in `refused`. */
export function readParams(src: Source): { state: Partial<PracticeState>; refused: PracticeKey[] } {
  const state: Partial<Record<PracticeKey, unknown>> = {};
  const refused: PracticeKey[] = [];
  for (const key of PRACTICE_KEYS) {
    const raw = get(src, key);
    if (raw === undefined) continue;
    const r = PRACTICE_SCHEMAS[key].safeParse(raw);
    if (r.success) state[key] = r.data;
    else refused.push(key);
  }
  return { state: state as Partial<PracticeState>, refused };
}
