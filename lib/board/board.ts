// The instructor's live board as pure data: applying batches of socket events to a BoardState, and
// its counters. No I/O, no DOM. Beside it: aliases.ts (projector aliases), accuracy-replay.ts (the
// tile sparklines), tile-lines.ts (the class overlay's lines), counts.ts (the class-wide charts).
import { policyOf } from "../grading/attempts";
import type { BoardState, BoardTile, ProgressState, SubmissionResult, TileStatus } from "../live/session-protocol";

/** `at`: when the event arrived (ms, any monotonic clock); used to keep fresh live progress over a lagging snapshot. */
export type BoardEvent =
  | { kind: "state"; state: BoardState; at?: number }
  | { kind: "session"; session: Pick<BoardState, "status" | "paused" | "exercise"> }
  | { kind: "progress"; items: { userId: string; progress: ProgressState }[]; at?: number }
  | { kind: "presence"; userId: string; online: boolean; nickname?: string }
  | { kind: "result"; userId: string; result: SubmissionResult; answer?: unknown }
  /** A student joined a group of the running experiment (lib/experiments/experiments.ts). */
  | { kind: "group"; experimentId: string; userId: string; group: number };

/** The same rule as the server's snapshot: offline first, then correct, submitted, working, joined. */
export function tileStatus(online: boolean, progress: ProgressState | null, result: SubmissionResult | null): TileStatus {
  if (!online) return "disconnected";
  if (result?.correct) return "correct";
  if (result) return "submitted";
  if (progress) return "working";
  return "joined";
}

/** Tiles in a stable order (by user id: ids are created in time order), so aliases do not jump. */
export function sortTiles(tiles: readonly BoardTile[]): BoardTile[] {
  return tiles.slice().sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/**
 * The server stores streamed progress every 2 s, and a snapshot (sent after every control) is read
 * from the database: for this long, progress received live is newer than a snapshot's.
 */
export const FRESH_PROGRESS_MS = 5000;

/** A tile as the board keeps it: with when its progress last arrived live. */
export type LiveTile = BoardTile & { progressAt?: number };

export interface Applied {
  state: BoardState | null;
  /** Students who appeared in an event without a tile: the board should ask for a fresh snapshot. */
  missing: string[];
}

/**
 * Applies queued events in arrival order. A snapshot replaces everything; the other events touch
 * only their students' tiles (new tile objects, the rest shared), so unchanged tiles keep their
 * identity and need no re-render.
 */
export function applyEvents(start: BoardState | null, events: readonly BoardEvent[]): Applied {
  let state = start;
  let tiles: BoardTile[] | null = null; // a private copy of state.tiles, made on the first change
  let index = new Map<string, number>();
  const missing = new Set<string>();
  const edit = (userId: string, change: (t: LiveTile) => LiveTile | null, reportMissing = true, create?: BoardTile) => {
    if (!state) return;
    if (!tiles) {
      tiles = state.tiles.slice();
      index = indexOf(state.tiles);
    }
    const i = index.get(userId);
    if (i === undefined && create) {
      // A student entering: their tile comes with the presence message, in board order (no snapshot needed).
      const at = tiles.findIndex((t) => t.userId > userId);
      tiles.splice(at < 0 ? tiles.length : at, 0, create);
      index = new Map(tiles.map((t, k) => [t.userId, k]));
      return;
    }
    if (i === undefined) {
      if (reportMissing) missing.add(userId);
      return;
    }
    // `change` returns a new tile, its status set (nextTile), or null for no change.
    const next = change(tiles[i] as LiveTile);
    if (next) tiles[i] = next;
  };
  const commit = () => {
    if (state && tiles) {
      INDEX.set(tiles, index); // same order, same positions: the next batch reuses the index
      state = { ...state, tiles };
    }
    tiles = null;
  };

  for (const e of events) {
    if (e.kind === "state") {
      commit();
      state = { ...e.state, tiles: keepFreshProgress(state, sortTiles(e.state.tiles), e.state, e.at ?? 0) };
      missing.clear();
      continue;
    }
    if (!state) continue;
    if (e.kind === "session") {
      // Pause, close, reveal, end: the session's fields change, every tile stays as it is.
      commit();
      state = { ...state, status: e.session.status, paused: e.session.paused, exercise: e.session.exercise };
      continue;
    }
    if (e.kind === "group") {
      const x = state.exercise?.experiment;
      if (!x || x.id !== e.experimentId || x.members[e.userId] === e.group) continue;
      commit();
      state = { ...state, exercise: { ...state.exercise!, experiment: { ...x, members: { ...x.members, [e.userId]: e.group } } } };
      continue;
    }
    const exercise = state.exercise;
    if (e.kind === "progress") {
      for (const { userId, progress } of e.items) {
        // A batch from before a push of another exercise type is stale.
        if (!exercise || progress.type !== exercise.type) continue;
        edit(userId, (t) => nextTile(t, progress, e.at ?? 0, t.online, t.result, t.answer));
      }
    } else if (e.kind === "presence") {
      // Someone going offline without a tile needs no tile; someone coming online does.
      const fresh = e.online && e.nickname ? { userId: e.userId, nickname: e.nickname, online: true, status: "joined" as const, progress: null, result: null } : undefined;
      edit(e.userId, (t) => (t.online === e.online ? null : nextTile(t, t.progress, t.progressAt, e.online, t.result, t.answer)), e.online, fresh);
    } else {
      if (!exercise || e.result.exerciseId !== exercise.id) continue;
      // Keep the attempt that counts under the exercise's policy (best by default), like the server's snapshot.
      const counts = policyOf(exercise.config).counts;
      const keep = (old: SubmissionResult) => (counts === "first" ? true : counts === "best" ? old.score > e.result.score : false);
      edit(e.userId, (t) => (t.result && keep(t.result) ? null : nextTile(t, t.progress, t.progressAt, t.online, e.result, e.answer)));
    }
  }
  commit();
  return { state, missing: [...missing] };
}

/**
 * A tile with its progress, presence or result changed, every field written out: for 2,000 tiles a
 * flush this is some fifteen times faster than an object spread (1.2 ms against 0.07 ms in Node).
 * `satisfies` keeps it complete: a new BoardTile field fails to compile here until it is copied.
 */
function nextTile(t: LiveTile, progress: ProgressState | null, progressAt: number | undefined, online: boolean, result: SubmissionResult | null, answer: unknown): LiveTile {
  const status = tileStatus(online, progress, result);
  return { userId: t.userId, nickname: t.nickname, online, status, progress, result, answer, repeat: t.repeat, progressAt } satisfies Record<keyof LiveTile, unknown>;
}

/** Tile position by user id, per tiles array (built once per snapshot, shared by the batches after it). */
const INDEX = new WeakMap<readonly BoardTile[], Map<string, number>>();
function indexOf(tiles: readonly BoardTile[]): Map<string, number> {
  let m = INDEX.get(tiles);
  if (!m) {
    m = new Map(tiles.map((t, i) => [t.userId, i]));
    INDEX.set(tiles, m);
  }
  return m;
}

/** Progress received live within FRESH_PROGRESS_MS (same exercise) wins over the snapshot's. */
function keepFreshProgress(prev: BoardState | null, tiles: BoardTile[], next: BoardState, at: number): BoardTile[] {
  if (!prev?.exercise || prev.exercise.id !== next.exercise?.id) return tiles;
  const before = new Map((prev.tiles as LiveTile[]).map((t) => [t.userId, t]));
  return tiles.map((t) => {
    const old = before.get(t.userId);
    if (!old?.progress || old.progressAt === undefined || at - old.progressAt > FRESH_PROGRESS_MS) return t;
    return { ...t, progress: old.progress, progressAt: old.progressAt, status: tileStatus(t.online, old.progress, t.result) } as LiveTile;
  });
}

export interface BoardCounts { joined: number; online: number; working: number; submitted: number; correct: number }

export function boardCounts(tiles: readonly BoardTile[]): BoardCounts {
  const c: BoardCounts = { joined: tiles.length, online: 0, working: 0, submitted: 0, correct: 0 };
  for (const t of tiles) {
    if (t.online) c.online++;
    if (t.progress && !t.result) c.working++;
    if (t.result) c.submitted++;
    if (t.result?.correct) c.correct++;
  }
  return c;
}
