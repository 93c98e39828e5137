import { expect } from "vitest";

/** A trainer's run replays identically, and stepping it epoch by epoch ends where train() ends; the run and the stepped state. */
export function expectReplays<C, R extends { history: unknown; final: unknown }, S extends { done: boolean; history: unknown; net: unknown }>(
  config: C, train: (c: C) => R, start: (c: C) => S, step: (s: S) => void,
): { run: R; state: S } {
  const run = train(config);
  expect(train(config)).toEqual(run);
  const state = start(config);
  while (!state.done) step(state);
  expect(state.history).toEqual(run.history);
  expect(state.net).toEqual(run.final);
  return { run, state };
}
