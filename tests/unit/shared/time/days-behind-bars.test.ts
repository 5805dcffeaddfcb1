import { describe, expect, it } from 'vitest';
import { daysBehindBars } from '../../../../src/shared/time';

describe('daysBehindBars', () => {
  it('counts the day of the arrest as day 1', () => {
    expect(daysBehindBars('2023-07-25', '2023-07-25')).toBe(1);
    expect(daysBehindBars('2023-07-25', '2023-07-26')).toBe(2);
  });

  it('counts across leap days and whole years', () => {
    expect(daysBehindBars('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysBehindBars('2023-02-28', '2023-03-01')).toBe(2);
    expect(daysBehindBars('1900-02-28', '1900-03-01')).toBe(2);
    expect(daysBehindBars('2000-02-28', '2000-03-01')).toBe(3);
    expect(daysBehindBars('2023-07-25', '2024-07-24')).toBe(366);
    expect(daysBehindBars('2022-07-25', '2023-07-24')).toBe(365);
  });

  it('is not moved by daylight-saving changes', () => {
    expect(daysBehindBars('2024-03-30', '2024-04-01')).toBe(3);
  });

  it('stops on the day of release, which counts', () => {
    expect(daysBehindBars('2023-07-25', '2024-06-15', '2023-07-27')).toBe(3);
    expect(daysBehindBars('2023-07-25', '2023-07-25', '2023-07-25')).toBe(1);
    // Released today: today was still spent inside.
    expect(daysBehindBars('2023-07-25', '2023-07-27', '2023-07-27')).toBe(3);
  });

  it('keeps counting while a release date is still ahead', () => {
    expect(daysBehindBars('2023-07-25', '2023-07-26', '2023-08-01')).toBe(2);
  });

  it('shows nothing rather than a wrong number', () => {
    expect(daysBehindBars('2023-07-25', '2023-07-24')).toBeNull();
    expect(daysBehindBars('2023-02-30', '2023-03-01')).toBeNull();
    expect(daysBehindBars('July 25', '2023-03-01')).toBeNull();
    expect(daysBehindBars('2023-07-25', '2024-01-01', '2023-07-01')).toBeNull();
    expect(daysBehindBars('2023-07-25', '2024-01-01', 'soon')).toBeNull();
  });
});
