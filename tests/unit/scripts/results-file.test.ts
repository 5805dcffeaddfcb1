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

describe('replaceSection keeps a section’s history', () => {
  const file =
    '# Benchmark results\n\n## Display\n\nold table\n\n### History\n\n- tried X: no gain\n- old table kept\n\n## Soak\n\nold soak\n';

  it('puts the old section’s history after the new lines, and leaves the next section alone', () => {
    const out = replaceSection(file, 'Display', '## Display\n\nnew table');
    expect(out).toBe(
      '# Benchmark results\n\n## Display\n\nnew table\n\n### History\n\n- tried X: no gain\n- old table kept\n\n## Soak\n\nold soak\n',
    );
    expect(out).not.toContain('old table\n\n### History');
  });

  it('keeps a history at the end of the file, and writes none where there was none', () => {
    const last = '# Benchmark results\n\n## Soak\n\nold\n\n### History\n\n- kept\n';
    expect(replaceSection(last, 'Soak', '## Soak\n\nnew')).toBe(
      '# Benchmark results\n\n## Soak\n\nnew\n\n### History\n\n- kept\n\n',
    );
    expect(replaceSection(file, 'Soak', '## Soak\n\nnew')).not.toContain('### History\n\n- kept');
  });

  it('writes a `$` in the new text as it is', () => {
    expect(replaceSection(file, 'Display', "## Display\n\ncost $& and $'")).toContain(
      "cost $& and $'",
    );
  });
});
