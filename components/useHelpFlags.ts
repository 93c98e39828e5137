"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { BoardEvent } from "@/lib/board";
import { exerciseConfigSchema } from "@/lib/exercises";
import { helpFlags, keepSince, type HelpFlag } from "@/lib/help-flags";
import { emptyTrack, inputsFor, RunWindows, trackEvents, type HelpTrack } from "@/lib/help-track";
import type { BoardState } from "@/lib/session-protocol";
import { useFormulaActivations } from "./useFormulaActivations";

/** Idle flags appear without any event: the flags are recomputed this often too. */
const TICK_MS = 5000;
const replay = new RunWindows();

/** The tracker behind the flags, fed by useBoard with every batch (before it is applied). */
export function useHelpTrack(): { track: React.RefObject<HelpTrack>; observe(before: BoardState | null, events: readonly BoardEvent[]): void } {
  const track = useRef<HelpTrack>(emptyTrack(Date.now()));
  const observe = useCallback((before: BoardState | null, events: readonly BoardEvent[]) => {
    track.current = trackEvents(track.current, before, events, Date.now());
  }, []);
  return { track, observe };
}

/**
 * The students who need help now, with each flag's start kept while it stays raised. Recomputed on
 * every board flush and every TICK_MS (Date.now(): the clock the idle rule reads).
 */
export function useHelpFlags(state: BoardState | null, track: React.RefObject<HelpTrack>): HelpFlag[] {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(id);
  }, []);
  const parsed = state?.exercise ? exerciseConfigSchema.safeParse(state.exercise.config) : null;
  const config = parsed?.success ? parsed.data : null;
  const built = useFormulaActivations(config?.type === "ACTIVATION" ? config.customs ?? [] : []);
  const starts = useRef<Map<string, number>>(new Map());

  return useMemo(() => {
    void tick;
    const customs = built?.flatMap((b) => (b.ok ? [b.activation] : [])) ?? [];
    const raw = helpFlags(state, inputsFor(track.current, config, customs, replay, Date.now()));
    const { flags, since } = keepSince(starts.current, raw);
    starts.current = since;
    return flags;
    // config follows state; built follows config
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, tick, built, track]);
}
