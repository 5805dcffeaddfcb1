import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setI18n } from 'react-i18next';
import { afterEach } from 'vitest';
import { createTranslator } from '../../../src/shared/i18n';

// Components render in English unless a test gives them another translator: this is the
// translator react-i18next falls back to without an <I18nextProvider>.
setI18n(createTranslator('en'));

afterEach(() => cleanup());
