"use client";
import { useCallback, useRef, useState } from "react";
import { GRID_SIZE } from "@/lib/nn/grid";
import { cloneMlp, mlpGrid, stepMlpEpoch, type MlpState } from "@/lib/nn/mlp";
import { advanceGrid, gridPass, type GridPass } from "@/lib/nn/mlp-grid-pass";
import { benchMark } from "../forms/benchMark";
import { useRafLoop } from "../trainer/useTrainer";

/** Epochs of the net trained per second while playing. */
const NET_SPEED = 750;
/** Time (ms) a frame gives the decision grid while playing; the grid's other rows wait for the next frames. */
const GRID_BUDGET_MS = 3;
/** While playing, the chart texts (the summaries under the charts) follow the run at most this often (ms). */
const TEXT_EVERY_MS = 1000;
/** While playing, the 3D surface (441 dots redrawn, the page's costliest drawing) follows the grid at most this often (ms). */
const SURFACE_EVERY_MS = 250;

export const netSnapshot = (s: MlpState) => ({ net: cloneMlp(s.net), epoch: s.epoch, done: s.done, diverged: !!s.diverged, history: s.history.slice() });
export type NetSnapshot = ReturnType<typeof netSnapshot>;
const gridOf = (s: MlpState) => mlpGrid(s.net, GRID_SIZE, s.config.activation);

/**
 * The XOR network trained live, NET_SPEED epochs a second on animation frames, and what the page
 * draws of it. Every frame: `snap` (epoch, weights, history: the readouts, network, lines and
 * curves). While playing, the heavier views follow at their own pace so a frame stays short on a
 * slow phone: `grid` (the decision map and the surface) is computed a few rows a frame for a copy
 * of the net and shown when complete (lib/nn/mlp-grid-pass.ts), `surface` (the 3D view of the grid)
 * at most 4 times a second, `told` (what the chart texts describe) at most once a second. Paused, finished or reset, all three show the run as it is.
 * The training itself is the same epochs in the same order, so a run ends where it always did.
 */
export function useNetRun(make: () => MlpState, initiallyPlaying: boolean) {
  const stateRef = useRef<MlpState | null>(null);
  if (!stateRef.current) stateRef.current = make();
  const [snap, setSnap] = useState(() => netSnapshot(stateRef.current!));
  const [told, setTold] = useState(snap);
  const [grid, setGrid] = useState(() => gridOf(stateRef.current!));
  const [surface, setSurface] = useState(grid);
  const [playing, setPlaying] = useState(initiallyPlaying);
  const budget = useRef(0);
  const pass = useRef<GridPass | null>(null);
  const toldAt = useRef(0);
  const surfaceAt = useRef(0);

  /** Every view shows the state as it is now. */
  const settle = useCallback((s: MlpState) => {
    const now = netSnapshot(s);
    pass.current = null;
    setSnap(now);
    setTold(now);
    const full = gridOf(s);
    setGrid(full);
    setSurface(full);
  }, []);
  const reset = useCallback((next: MlpState, play: boolean) => {
    stateRef.current = next;
    budget.current = 0;
    settle(next);
    setPlaying(play);
  }, [settle]);
  const pause = useCallback(() => {
    setPlaying(false);
    settle(stateRef.current!);
  }, [settle]);
  const play = useCallback(() => setPlaying(true), []);

  useRafLoop(playing, (dt) => {
    const s = stateRef.current!;
    benchMark("net:tick"); // bench/net-frame.ts: the training's share of a frame
    budget.current += (dt / 1000) * NET_SPEED;
    while (budget.current >= 1 && !s.done) { stepMlpEpoch(s); budget.current -= 1; }
    benchMark("net:trained");
    if (s.done) {
      setPlaying(false);
      settle(s);
      return false;
    }
    const now = netSnapshot(s);
    setSnap(now);
    const t0 = performance.now();
    if (t0 - toldAt.current >= TEXT_EVERY_MS) {
      toldAt.current = t0;
      setTold(now);
    }
    pass.current ??= gridPass(s.net, s.config.activation);
    if (advanceGrid(pass.current, () => performance.now() - t0 < GRID_BUDGET_MS)) {
      setGrid(pass.current.out);
      if (t0 - surfaceAt.current >= SURFACE_EVERY_MS) {
        surfaceAt.current = t0;
        setSurface(pass.current.out);
      }
      pass.current = null;
    }
    return true;
  });

  return { state: stateRef.current, snap, told, grid, surface, playing, play, pause, reset };
}
