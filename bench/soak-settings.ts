// What the soak runs, shared by bench/soak.ts and its report.
export const TRANSITIONS = 10_000;
export const SLIDE_SECONDS = 0.01;
export const LYRICS_EVERY = 250;
export const LYRICS_LINES = 6;
/** The core's heap is read after WARM_UP transitions and again after WARM_UP more. */
export const WARM_UP = 1000;
export const WARM_HEAP_TARGET = 1.05;
export const GROWTH_TARGET = 0.1;
export const LAG_TARGET_MS = 20;
