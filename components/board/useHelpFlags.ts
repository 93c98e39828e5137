"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { BoardEvent } from "@/lib/board/board";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import { helpFlags, keepSince, type HelpFlag } from "@/lib/board/help-flags";
import { emptyTrack, inputsFor, RunWindows, trackEvents, type HelpTrack } from "@/lib/board/help-track";
import type { BoardState } from "@/lib/live/session-protocol";
import { useFormulaActivations } from "../explorer/useFormulaActivations";

/** Idle flags appear without any event: the flags are recomputed this often too. */
const TICK_MS = 5000;
/** The flags follow the board at most this often. */
const HELP_EVERY_MS = 1000;
const replay = new RunWindows();

/**
 * The tracker behind the flags, fed by useBoard with every event as it arrives (in the socket
 * message's task, not in the board's flush: a lecture hall's batch is 2,000 map writes).
 */
export function useHelpTrack(): { track: React.RefObject<HelpTrack>; observe(event: BoardEvent): void } {
  const track = useRef<HelpTrack>(emptyTrack(Date.now()));
  const observe = useCallback((event: BoardEvent) => {
    track.current = trackEvents(track.current, [event], Date.now());
  }, []);
  return { track, observe };
}

/**
 * The students who need help now, with each flag's start kept while it stays raised. Recomputed in
 * a task of its own, at most once every HELP_EVERY_MS after the board changes and every TICK_MS
 * (Date.now(): the clock the idle rule reads), never inside a board flush: for a lecture hall the
 * rules cost a few milliseconds, and a flag a second late is still in time.
 */
export function useHelpFlags(state: BoardState | null, track: React.RefObject<HelpTrack>): HelpFlag[] {
  const parsed = useMemo(() => (state?.exercise ? exerciseConfigSchema.safeParse(state.exercise.config) : null), [state?.exercise]);
  const config = parsed?.success ? parsed.data : null;
  const built = useFormulaActivations(config?.type === "ACTIVATION" ? config.customs ?? [] : []);
  const [flags, setFlags] = useState<HelpFlag[]>([]);
  const latest = useRef({ state, config, built });
  latest.current = { state, config, built };
  const starts = useRef<Map<string, number>>(new Map());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);

  const compute = useCallback(() => {
    timer.current = null;
    last.current = Date.now();
    const { state, config, built } = latest.current;
    const customs = built?.flatMap((b) => (b.ok ? [b.activation] : [])) ?? [];
    const raw = helpFlags(state, inputsFor(track.current, config, customs, replay, Date.now()));
    const { flags: next, since } = keepSince(starts.current, raw);
    starts.current = since;
    setFlags((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [track]);
  const schedule = useCallback(() => {
    if (!timer.current) timer.current = setTimeout(compute, Math.max(0, last.current + HELP_EVERY_MS - Date.now()));
  }, [compute]);

  useEffect(schedule, [state, built, schedule]);
  useEffect(() => {
    const id = setInterval(schedule, TICK_MS);
    return () => {
      clearInterval(id);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [schedule]);
  return flags;
}
