import type { FieldPath } from './spec';

/**
 * A form path as the API and the loader write a field: dotted, list positions counted from 1,
 * as a person counts entries in the YAML (`['sections', 1, 'lines', 0, 'fr']` →
 * `sections.2.lines.1.fr`). The one place the form's 0-based positions meet that.
 */
export function problemField(path: FieldPath): string {
  return path.map((part) => (typeof part === 'number' ? String(part + 1) : part)).join('.');
}
