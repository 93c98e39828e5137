/**
 * What the instructor hears from the board (issue 22): new submissions and new help flags since the
 * last look, batched into one piece of news ("3 new submissions; Minji needs help"). Pure.
 */
export interface BoardSeen {
  /** userId -> the `at` of the submission last seen from them. */
  submitted: ReadonlyMap<string, string>;
  /** userIds flagged for help last time. */
  flagged: ReadonlySet<string>;
}

export interface BoardNews { submissions: number; help: string[] }

export const emptySeen = (): BoardSeen => ({ submitted: new Map(), flagged: new Set() });

interface TileLike { userId: string; nickname: string; result: { at: string } | null }

/**
 * New since `seen`: submissions (a result with a new `at`) and students newly flagged (names, in
 * board order). The first look (`seen` null) only records: joining a board already full is no news.
 */
export function boardNews(seen: BoardSeen | null, tiles: readonly TileLike[], flagged: readonly string[]): { news: BoardNews; seen: BoardSeen } {
  const submitted = new Map<string, string>();
  let submissions = 0;
  for (const t of tiles) if (t.result) {
    submitted.set(t.userId, t.result.at);
    if (seen && seen.submitted.get(t.userId) !== t.result.at) submissions++;
  }
  const flags = new Set(flagged);
  const help = seen ? tiles.filter((t) => flags.has(t.userId) && !seen.flagged.has(t.userId)).map((t) => t.nickname) : [];
  return { news: { submissions, help }, seen: { submitted, flagged: flags } };
}
