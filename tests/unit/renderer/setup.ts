import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setI18n } from 'react-i18next';
import { afterEach } from 'vitest';
import { APP_LANGUAGES, createTranslator } from '../../../src/shared/i18n';
import { loadAudienceWords } from '../../../src/renderer/i18n/audience';

// Components render in English unless a test gives them another translator: this is the
// translator react-i18next falls back to without an <I18nextProvider>.
setI18n(createTranslator('en'));

// The words audience screens add are fetched at run time (a view waits for them before its
// first slide); a test renders slides directly, so they are fetched here, once, in every language.
await loadAudienceWords(APP_LANGUAGES, ['display', 'case', 'merch', 'overlay']);

afterEach(() => cleanup());
