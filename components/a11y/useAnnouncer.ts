"use client";
import { useSyncExternalStore } from "react";
import { emptyQueue, enqueue, take } from "@/lib/a11y/announce-queue";

/**
 * One polite voice for the whole page: anything may `announce(key, text)`; the single live region
 * (LiveAnnouncer, in the root layout) says it, at most one announcement every few seconds, newer
 * news on a key replacing older news still waiting (lib/a11y/announce-queue.ts).
 */
let queue = emptyQueue();
let timer: ReturnType<typeof setTimeout> | null = null;
let spoken = { text: "", n: 0 };
const listeners = new Set<() => void>();
const onSaid = new Map<string, () => void>();

function pump() {
  const waiting = queue.queue;
  const r = take(queue, Date.now());
  queue = r.q;
  if (r.say !== null) {
    for (const a of waiting) { onSaid.get(a.key)?.(); onSaid.delete(a.key); }
    spoken = { text: r.say, n: spoken.n + 1 };
    listeners.forEach((l) => l());
  }
  if (r.wait !== null && !timer) timer = setTimeout(() => { timer = null; pump(); }, r.wait);
}

/** Queue `text` under `key` (replacing what waits there); `said` runs once it has been said. */
export function announce(key: string, text: string, said?: () => void): void {
  queue = enqueue(queue, { key, text });
  if (said) onSaid.set(key, said);
  else onSaid.delete(key);
  pump();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };
const NONE = { text: "", n: 0 };

/** The latest announcement (n counts them, so the same words said twice still change the region). */
export function useAnnouncement(): { text: string; n: number } {
  return useSyncExternalStore(subscribe, () => spoken, () => NONE);
}
