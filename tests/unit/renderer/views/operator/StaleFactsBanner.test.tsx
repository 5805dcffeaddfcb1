import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseSchema, type ContentSnapshot } from '../../../../../src/shared/content';
import { createTranslator } from '../../../../../src/shared/i18n/translator';
import { StoresContext, applyContent, createStores } from '../../../../../src/renderer/stores';
import { StaleFactsBanner } from '../../../../../src/renderer/views/operator/StaleFactsBanner';
import { pack } from '../../fixtures';

const azat = {
  ...caseSchema.parse({
    kind: 'case',
    id: 'azat-miftakhov',
    name: 'Azat Miftakhov',
    custody: [{ from: '2019-02' }],
    charge: 'c',
    status: 's',
    asOf: '2024-03',
    summary: 's',
  }),
  source: 'cases/azat-miftakhov.yaml',
};

function renderBanner(lang: 'en' | 'fr' | 'ru' = 'en', snapshot?: Partial<ContentSnapshot>) {
  const stores = createStores();
  applyContent({ pack, items: [azat], errors: [], revision: 1, ...snapshot }, stores.content);
  return render(
    <I18nextProvider i18n={createTranslator(lang, 'case')}>
      <StoresContext.Provider value={stores}>
        <StaleFactsBanner />
      </StoresContext.Provider>
    </I18nextProvider>,
  );
}

describe('StaleFactsBanner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the file and the date of old facts, at the top, in the console’s language', () => {
    vi.useFakeTimers({ now: new Date('2024-06-30T12:00:00Z') });
    renderBanner();
    const banner = screen.getByTestId('stale-facts');
    expect(banner).toHaveTextContent('Check this case before the show');
    expect(banner).toHaveTextContent(
      'cases/azat-miftakhov.yaml: the facts are from 2024-03; check them before the show',
    );
  });

  it('speaks French typography in French', () => {
    vi.useFakeTimers({ now: new Date('2024-06-30T12:00:00Z') });
    renderBanner('fr');
    expect(screen.getByTestId('stale-facts').textContent).toContain(
      'cases/azat-miftakhov.yaml\u00a0: les faits datent de 2024-03\u202f; vérifiez-les avant la séance',
    );
  });

  it('is absent while the facts are fresh, and appears at midnight when they turn old', () => {
    // 2024-03-01 + 90 days = 30 May: fresh until the end of that day.
    vi.useFakeTimers({ now: new Date(2024, 4, 30, 23, 59, 30) });
    renderBanner();
    expect(screen.queryByTestId('stale-facts')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByTestId('stale-facts')).toHaveTextContent('the facts are from 2024-03');
  });

  it('follows the pack’s limit', () => {
    vi.useFakeTimers({ now: new Date('2024-04-15T12:00:00Z') });
    renderBanner('en', { pack: { ...pack, cases: { factsMaxAgeDays: 30 } } });
    expect(screen.getByTestId('stale-facts')).toBeInTheDocument();
  });
});
