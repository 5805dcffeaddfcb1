import { describe, expect, it } from 'vitest';
import {
  FLIP_TRAIL_MS,
  MAX_SUBTITLE_LEAD_MS,
  SubtitleLead,
  subtitleChangeKind,
  textMoment,
} from '../../../../src/main/obs/subtitle-lead';

describe('how long a subtitle change takes to show', () => {
  it('names a change by what the stream shows before and after', () => {
    expect(subtitleChangeKind('', 'Свободу')).toBe('appear');
    expect(subtitleChangeKind('Свободу', 'Кагарлицкому')).toBe('change');
    expect(subtitleChangeKind('Свободу', '')).toBe('clear');
  });

  it('sends nothing ahead until a change of that kind has been seen', () => {
    const lead = new SubtitleLead();
    lead.record('appear', 120);
    expect(lead.leadMs('appear')).toBe(120);
    expect(lead.leadMs('change')).toBe(0);
  });

  it('smooths one slow change, and never leads by more than its cap', () => {
    const lead = new SubtitleLead();
    lead.record('change', 40);
    lead.record('change', 120);
    expect(lead.leadMs('change')).toBe(80);
    lead.record('appear', 5_000);
    expect(lead.leadMs('appear')).toBe(MAX_SUBTITLE_LEAD_MS);
  });

  it('ignores a measure that cannot be a duration (a clock set back)', () => {
    const lead = new SubtitleLead();
    lead.record('clear', -30);
    lead.record('clear', Number.NaN);
    expect(lead.leadMs('clear')).toBe(0);
  });
});

describe('which moment a read shows the text of', () => {
  it('keeps an edge flipped to while the read trails it a little, else the read decides', () => {
    expect(textMoment(1_990, 2_000)).toBe(2_000);
    expect(textMoment(2_000 - FLIP_TRAIL_MS, 2_000)).toBe(2_000);
    // A seek back, far behind the edge: the read's own moment.
    expect(textMoment(500, 2_000)).toBe(500);
    // Past the edge, or nothing flipped: the read's own moment.
    expect(textMoment(2_010, 2_000)).toBe(2_010);
    expect(textMoment(1_990, null)).toBe(1_990);
  });
});
