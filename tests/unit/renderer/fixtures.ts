import type { SlideContext } from '../../../src/renderer/slides/context';
import { NOW, pack } from '../../fixtures/state/content-items';

export * from '../../fixtures/state/content-items';

export function slideContext(overrides: Partial<SlideContext> = {}): SlideContext {
  return { pack, language: 'en', nowMs: NOW, ...overrides };
}
