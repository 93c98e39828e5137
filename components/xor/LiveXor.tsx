"use client";
// The live page's XOR code, one chunk loaded when an XOR exercise is pushed (components/live/LiveExercise.tsx).
// The hidden layer, unlocked later, is imported from here rather than from the page, so its chunk
// leaves out what this one already brought (the plane, the charts, the trainer's views); imported
// from the page beside this one, the bundler copied those modules into both (about 13 KB gzip).
import dynamic from "next/dynamic";

export { default as XorAttempt } from "./XorAttempt";
export const XorHiddenLayer = dynamic(() => import("./XorHiddenLayer"));
