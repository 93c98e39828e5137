"use client";
import { useCallback } from "react";
import { toSearch, type PracticeState } from "@/lib/practice/practice-search";

/** Keeps a practice page's state in its address (replaceState: no history entry per slider move). */
export function useUrlState() {
  return useCallback((state: Partial<PracticeState>) => {
    const q = toSearch(state);
    const url = `${window.location.pathname}${q ? `?${q}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", url);
  }, []);
}
