/**
 * V8 flags that leave only the bytecode interpreter: no Sparkplug, Maglev or TurboFan code.
 * Used for diagnostic runs (the display in Chromium, the core in Node), to tell the heap the
 * program itself keeps from the machine code V8 adds as functions get hot.
 */
export const NO_OPTIMISING_COMPILERS = ['--no-sparkplug', '--no-maglev', '--no-opt'] as const;
