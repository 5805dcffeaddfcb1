import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import { formatContentError } from '../../../../src/shared/content';
import { copyPack, goodPack } from './helpers';

const SOURCE = 'https://example.org/report';

/** A case file: the fields every case needs, then `lines` (its custody, events…). */
function caseFile(lines: string[]): string {
  return [
    'kind: case',
    'name: Anna Example',
    'charge: c',
    'status: s',
    'asOf: 2024-03',
    'summary: s',
    ...lines,
  ].join('\n');
}

/** The errors the loader reports for `cases/anna.yaml` written as `text`, one formatted line each. */
async function errorsFor(text: string): Promise<string[]> {
  const { pack } = await copyPack(goodPack);
  await writeFile(path.join(pack, 'cases/anna.yaml'), text);
  const result = await loadPack(pack);
  const anna = result.errors.filter((e) => e.file === 'cases/anna.yaml');
  // A case with an error is left out of the show, never shown with a wrong counter.
  if (anna.length > 0) expect(result.items.find((i) => i.id === 'anna')).toBeUndefined();
  return anna.map((error) => formatContentError(error));
}

describe('loader: case records', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads periods, sourced events and sentences, and turns `arrested:` into a period', async () => {
    const { pack } = await copyPack(goodPack);
    await writeFile(
      path.join(pack, 'cases/anna.yaml'),
      caseFile([
        'custody:',
        '  - from: 2019-02',
        '    until: 2023-09-04',
        '  - from: 2023-09-05',
        'events:',
        '  - date: 2023-09-05',
        '    kind: arrest',
        '    text: { en: Detained again, ru: Снова задержана }',
        `    source: ${SOURCE}`,
        'sentences:',
        '  - date: 2024-03-28',
        '    years: 4',
        '    regime: strict',
        `    source: { url: ${SOURCE}, title: A report, published: 2024-03 }`,
      ]),
    );
    await writeFile(
      path.join(pack, 'cases/short.yaml'),
      'kind: case\nname: N\narrested: 2023-07-25\nreleased: 2023-12-12\ncharge: c\nstatus: s\nasOf: 2024-01\nsummary: s',
    );
    const { items, errors } = await loadPack(pack);
    expect(errors.filter((e) => e.file.startsWith('cases/'))).toEqual([]);
    const anna = items.find((i) => i.id === 'anna');
    expect(anna?.kind === 'case' && anna.custody).toEqual([
      { from: '2019-02', until: '2023-09-04' },
      { from: '2023-09-05' },
    ]);
    const short = items.find((i) => i.id === 'short');
    expect(short).toMatchObject({ custody: [{ from: '2023-07-25', until: '2023-12-12' }] });
    expect(short).not.toHaveProperty('arrested');
  });

  it('refuses periods that overlap, naming file, line and field', async () => {
    expect(
      await errorsFor(
        caseFile([
          'custody:',
          '  - from: 2023-07-25',
          '    until: 2023-12-12',
          '  - from: 2023-12-01',
        ]),
      ),
    ).toEqual([
      'cases/anna.yaml:10 custody.2.from: overlaps the period before, which ends 2023-12-12; list the periods in order, each starting after the last one ended',
    ]);
    // Two open periods: the first has no release, so the second cannot start.
    expect(
      await errorsFor(caseFile(['custody:', '  - from: 2023-07-25', '  - from: 2024-02-13'])),
    ).toEqual([
      'cases/anna.yaml:9 custody.2.from: follows a period with no "until:" (still held); give that period its release date',
    ]);
  });

  it('refuses a reversed period, and a release before the arrest', async () => {
    expect(
      await errorsFor(caseFile(['custody:', '  - from: 2023-12-12', '    until: 2023-07-25'])),
    ).toEqual([
      'cases/anna.yaml:9 custody.1.until: is before the start (2023-12-12): the dates are reversed',
    ]);
    expect(await errorsFor(caseFile(['arrested: 2023-12-12', 'released: 2023-07-25']))).toEqual([
      'cases/anna.yaml:8 released: is before the start (2023-12-12): the dates are reversed',
    ]);
  });

  it('refuses a release known only to the month', async () => {
    expect(
      await errorsFor(caseFile(['custody:', '  - from: 2019-02', '    until: 2023-09'])),
    ).toEqual([
      'cases/anna.yaml:9 custody.1.until: a release needs its day, not only the month: expected a date like 2023-09-12, got "2023-09"',
    ]);
  });

  it('refuses an event or a sentence without a source', async () => {
    expect(
      await errorsFor(
        caseFile([
          'custody:',
          '  - from: 2023-07-25',
          'events:',
          '  - date: 2023-07-25',
          '    kind: arrest',
          '    text: Detained',
          'sentences:',
          '  - date: 2024-02-13',
          '    years: 5',
        ]),
      ),
    ).toEqual([
      'cases/anna.yaml:10 events.1.source: missing; give the link to the public report this comes from, e.g. source: https://…',
      'cases/anna.yaml:14 sentences.1.source: missing; give the link to the public report this comes from, e.g. source: https://…',
    ]);
  });

  it('refuses a date in the future anywhere in the case', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T12:00:00Z') });
    expect(
      await errorsFor(
        caseFile([
          'custody:',
          '  - from: 2023-07-25',
          '    until: 2024-08-01',
          'events:',
          '  - date: 2025-01',
          '    kind: release',
          '    text: Freed',
          `    source: ${SOURCE}`,
        ]).replace('asOf: 2024-03', 'asOf: 2024-07-01'),
      ),
    ).toEqual([
      'cases/anna.yaml:5 asOf: 2024-07-01 is in the future; a case states what has happened (check the year)',
      'cases/anna.yaml:9 custody.1.until: 2024-08-01 is in the future; a case states what has happened (check the year)',
      'cases/anna.yaml:11 events.1.date: 2025-01 is in the future; a case states what has happened (check the year)',
    ]);
  });

  it('takes today anywhere on Earth as not in the future (a screen behind the author’s zone)', async () => {
    // 20:00 UTC on 1 June: already 2 June in Kiribati, where a campaigner may have written it.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T20:00:00Z') });
    expect(await errorsFor(caseFile(['arrested: 2024-06-02']))).toEqual([]);
    expect(await errorsFor(caseFile(['arrested: 2024-06-03']))).toEqual([
      'cases/anna.yaml:7 arrested: 2024-06-03 is in the future; a case states what has happened (check the year)',
    ]);
  });

  it('refuses bad dates, both forms at once, and neither', async () => {
    expect(await errorsFor(caseFile(['arrested: 2023-02-30']))).toEqual([
      'cases/anna.yaml:7 arrested: expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "2023-02-30"',
    ]);
    expect(await errorsFor(caseFile(['arrested: 2023-13']))).toEqual([
      'cases/anna.yaml:7 arrested: expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "2023-13"',
    ]);
    expect(
      await errorsFor(caseFile(['arrested: 2023-07-25', 'custody:', '  - from: 2023-07-25'])),
    ).toEqual([
      'cases/anna.yaml:7 arrested: write either "custody:" periods or "arrested:" (with "released:"), not both',
    ]);
    expect(await errorsFor(caseFile([]))).toEqual([
      'cases/anna.yaml:1 custody: missing; list the periods in custody, e.g. custody: [{ from: 2023-07-25 }], or give "arrested:"',
    ]);
  });

  it('refuses an asOf that tries to be a date and is not one; keeps the older words form', async () => {
    expect(
      await errorsFor(caseFile(['arrested: 2023-07-25']).replace('asOf: 2024-03', 'asOf: 2024-3')),
    ).toEqual([
      'cases/anna.yaml:5 asOf: expected the date the facts were last checked, like 2024-06-05 or 2024-06, got "2024-3"',
    ]);
    expect(
      await errorsFor(
        caseFile(['arrested: 2023-07-25']).replace('asOf: 2024-03', 'asOf: September 2023'),
      ),
    ).toEqual([]);
  });
});
