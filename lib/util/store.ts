// A value that changes outside React, with listeners: a training loop sets it every frame, and
// only what subscribed to it (useSyncExternalStore, or a component writing to the DOM itself)
// hears of it, instead of the whole page re-rendering (components/xor/useNetRun.ts).

export interface Store<T> {
  get(): T;
  /** Replaces the value and tells every listener. */
  set(value: T): void;
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
