"use client";
import { useCallback, useRef, useState } from "react";
import { GRID_SIZE } from "@/lib/nn/grid";
import { cloneMlp, mlpGrid, mlpScore, stepMlpEpoch, type MlpState } from "@/lib/nn/mlp";
import { advanceGrid, gridPass, type GridPass } from "@/lib/nn/mlp-grid-pass";
import { pickPaced } from "@/lib/util/paced";
import { createStore } from "@/lib/util/store";
import { benchMark } from "../forms/benchMark";
import { useRafLoop } from "../trainer/useTrainer";

/** Epochs of the net trained per second while playing. */
const NET_SPEED = 750;
/** Time (ms) a frame gives the decision grid while playing; the grid's other rows wait for the next frames. */
const GRID_BUDGET_MS = 2;
/**
 * While playing, each view but the readouts follows the run at most this often (ms), and a frame
 * redraws at most one of them (the one waiting longest): `net` the network drawing, the map's lines
 * and, when a newer grid is ready, the map's colours; the accuracy and gradient charts; the 3D surface
 * (441 dots, when a newer grid is ready) and `told` the page around them and the chart texts. On a
 * phone-class CPU (4x throttling) a frame that changes only the readouts fits one animation frame
 * (16.7 ms) and one that redraws a view often does not, so a view is redrawn on about one frame in
 * four (docs/performance.md).
 */
const EVERY_MS = { net: 200, accuracy: 250, gradient: 250, surface: 1000, told: 2000 } as const;
type View = keyof typeof EVERY_MS;

export const netSnapshot = (s: MlpState) => ({ net: cloneMlp(s.net), epoch: s.epoch, done: s.done, diverged: !!s.diverged, history: s.history.slice() });
export type NetSnapshot = ReturnType<typeof netSnapshot>;
type Grid = Float32Array;
const gridOf = (s: MlpState): Grid => mlpGrid(s.net, GRID_SIZE, s.config.activation);
/** The drawings' inputs (all but the chart texts, which follow `snap`). */
export interface NetViews { net: NetSnapshot; accuracy: NetSnapshot; gradient: NetSnapshot; map: Grid; surface: Grid }
const viewsOf = (s: MlpState, now: NetSnapshot): NetViews => {
  const grid = gridOf(s);
  return { net: now, accuracy: now, gradient: now, map: grid, surface: grid };
};
/** What the readouts show: epoch, accuracy, and the last epoch's loss and hidden gradient. */
export interface NetReadout { epoch: number; accuracy: number; loss?: number; grad?: number }
const readoutOf = (s: MlpState): NetReadout => {
  const last = s.history.at(-1);
  return { epoch: s.epoch, accuracy: mlpScore(s.net, s.config.activation, s.config.points).accuracy, loss: last?.loss, grad: last?.grad[0] };
};

/**
 * The XOR network trained live, NET_SPEED epochs a second on animation frames, and what the page
 * draws of it, without re-rendering the page each frame. Every frame that redraws no view: `readout`
 * (a store the readouts write to the DOM from). While playing, the other views follow at their own
 * pace, one of them a frame, so a frame stays short on a slow phone (EVERY_MS): in the `views` store, which
 * each drawing subscribes to for its own part, `net` (the network drawing and the map's lines),
 * `accuracy` and `gradient` (the charts' runs), `map` and `surface` (the decision grid, computed a
 * few rows a frame for a copy of the net taken when its pass began: lib/nn/mlp-grid-pass.ts); and
 * `snap` (React state: the page around the drawings and the chart texts), every 2 s.
 * Paused, finished or reset, every view shows the run as it is.
 * The training itself is the same epochs in the same order, so a run ends where it always did.
 */
export function useNetRun(make: () => MlpState, initiallyPlaying: boolean) {
  const stateRef = useRef<MlpState | null>(null);
  if (!stateRef.current) stateRef.current = make();
  const [snap, setSnap] = useState(() => netSnapshot(stateRef.current!));
  const [stores] = useState(() => ({ views: createStore(viewsOf(stateRef.current!, snap)), readout: createStore(readoutOf(stateRef.current!)) }));
  const [playing, setPlaying] = useState(initiallyPlaying);
  const budget = useRef(0);
  const pass = useRef<GridPass | null>(null);
  /** When each view was last drawn (ms); a grid newer than the map's and than the surface's. */
  const drawnAt = useRef<Record<View, number>>({ net: 0, accuracy: 0, gradient: 0, surface: 0, told: 0 });
  const fresh = useRef<{ map: Grid | null; surface: Grid | null }>({ map: null, surface: null });
  const viewLast = useRef(false);

  /** Every view shows the state as it is now. */
  const settle = useCallback((s: MlpState) => {
    pass.current = null;
    fresh.current = { map: null, surface: null };
    const now = netSnapshot(s);
    setSnap(now);
    stores.views.set(viewsOf(s, now));
    stores.readout.set(readoutOf(s));
  }, [stores]);
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
    const t0 = performance.now();
    // a frame changes the readouts or redraws one view, not both, and never two views in a row: the
    // readouts lag a view's frame by one frame
    const turn = viewLast.current ? null : pickPaced(t0, drawnAt.current, EVERY_MS, { surface: fresh.current.surface !== null });
    viewLast.current = turn !== null;
    if (!turn) stores.readout.set(readoutOf(s));
    else {
      benchMark(`net:draw:${turn}`); // bench/net-frame.ts: which drawing a frame made
      drawnAt.current[turn] = t0;
      if (turn === "told") setSnap(netSnapshot(s));
      else if (turn === "surface") {
        const g = fresh.current.surface!;
        fresh.current.surface = null;
        stores.views.set({ ...stores.views.get(), surface: g });
      } else if (turn === "net") {
        const g = fresh.current.map;
        fresh.current.map = null;
        stores.views.set({ ...stores.views.get(), net: netSnapshot(s), ...(g && { map: g }) });
      } else stores.views.set({ ...stores.views.get(), [turn]: netSnapshot(s) });
    }
    // this frame redraws a view, or the map has not shown the last grid yet: the grid's rows wait
    if (turn || fresh.current.map) return true;
    pass.current ??= gridPass(s.net, s.config.activation);
    if (advanceGrid(pass.current, () => performance.now() - t0 < GRID_BUDGET_MS)) {
      fresh.current = { map: pass.current.out, surface: pass.current.out };
      pass.current = null;
    }
    return true;
  });

  return { state: stateRef.current, snap, views: stores.views, readout: stores.readout, playing, play, pause, reset };
}
