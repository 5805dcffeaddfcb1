import {
  fitElements,
  scaleSearch,
  type FitMemory,
  type FitRange,
  type FitResult,
} from '../../../../src/renderer/fit/fit';

/** Runs the scale search against a `fits` function, as a box's layouts would answer it. */
export function fitScale(
  fits: (scale: number) => boolean,
  range: FitRange,
  estimate?: (overflowingScale: number) => number,
): FitResult {
  const search = scaleSearch(range);
  let step = search.next();
  while (!step.done) {
    const scale = step.value;
    const ok = fits(scale);
    step = search.next({ fits: ok, estimate: ok || !estimate ? undefined : estimate(scale) });
  }
  return step.value;
}

/** Fits one box in place, as the display's batch does with a slide of one box. */
export function fitElement(element: HTMLElement, range: FitRange, memory?: FitMemory): FitResult {
  return fitElements([{ element, range }], memory)[0]!;
}
