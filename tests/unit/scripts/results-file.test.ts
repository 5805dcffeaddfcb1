import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../../bench/results-file';

describe('replaceSection', () => {
  const file = '# Benchmark results\n\n## Display\n\nold display\n\n## Soak\n\nold soak\n';

  it('replaces only its own section and keeps the others', () => {
    const out = replaceSection(file, 'Display', '## Display\n\nnew display');
    expect(out).toBe('# Benchmark results\n\n## Display\n\nnew display\n\n## Soak\n\nold soak\n');
    const last = replaceSection(file, 'Soak', '## Soak\n\nnew soak');
    expect(last).toContain('## Display\n\nold display');
    expect(last.trimEnd().endsWith('## Soak\n\nnew soak')).toBe(true);
  });

  it('adds a missing section at the end, and a title to an empty file', () => {
    expect(replaceSection(file, 'OBS', '## OBS\n\nx')).toMatch(/old soak\n\n## OBS\n\nx\n\n$/);
    expect(replaceSection('', 'OBS', '## OBS\n\nx')).toBe('# Benchmark results\n\n## OBS\n\nx\n\n');
  });
});
