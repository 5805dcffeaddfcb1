import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { noLiteralWords } from '../../../lint-rules/no-literal-words.js';

// RuleTester runs its cases as tests of the runner it is given.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

const text = (code: string, count = 1) => ({
  code,
  errors: Array.from({ length: count }, () => ({ messageId: 'text' as const })),
});
const attribute = (code: string, count = 1) => ({
  code,
  errors: Array.from({ length: count }, () => ({ messageId: 'attribute' as const })),
});

ruleTester.run('renderer/no-literal-words', noLiteralWords, {
  valid: [
    // Words from the catalog; the key's letters are an argument, not shown.
    "const a = <p>{t('console.save')}</p>;",
    "const a = <button aria-label={t('remote.next')} title={t('remote.nextTitle', { n })}>→</button>;",
    // Symbols and numbers alone, and whitespace.
    'const a = <span>· — × → ← ✓ 12:30 …</span>;',
    "const a = <span>{' '}{'·'}{`${n}×`}{n > 1 ? '+' : '−'}</span>;",
    'const a = <span>&nbsp;&#8217;&rarr;</span>;',
    // The pack's own words and names come in as values.
    'const a = <h1 title={item.title}>{item.title}</h1>;',
    // Attributes nobody reads.
    'const a = <div className="case-days" data-fit="anywhere" role="status" lang="fr" />;',
    'const a = <input type="text" name="pin" autoComplete="off" aria-label={t(\'kiosk.pin\')} />;',
    // Strings outside JSX are not this rule's business.
    "const key = 'console.save';",
  ],
  invalid: [
    text('const a = <p>Save</p>;'),
    text('const a = <p>Дней за решёткой: {n}</p>;'),
    text('const a = <><b>Blackout</b> on</>;', 2),
    text("const a = <p>{'Reconnecting'}</p>;"),
    text('const a = <p>{`${n} days behind bars`}</p>;'),
    text("const a = <p>{live ? 'On air' : 'Off air'}</p>;", 2),
    text("const a = <p>{name || 'Nobody'}</p>;"),
    text("const a = <p>{'Pause' as string}</p>;"),
    attribute('const a = <button aria-label="Next slide">→</button>;'),
    attribute('const a = <button title="Blackout">■</button>;'),
    attribute('const a = <input placeholder="PIN" />;'),
    attribute('const a = <img alt="Portrait" src={url} />;'),
    attribute('const a = <ActionButton label="Start cue" />;'),
    attribute("const a = <button aria-label={'Close'}>×</button>;"),
    attribute('const a = <span aria-label={`key ${k}`} />;'),
    attribute("const a = <button title={on ? 'Stop' : 'Start'} />;", 2),
  ],
});

describe('the no-literal-words rule in eslint.config.js', () => {
  it('fails lint on words written into the renderer’s TSX', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText('export const A = () => <p>Safe mode</p>;\n', {
      filePath: 'src/renderer/views/display/Bad.tsx',
    });
    const messages = (result?.messages ?? []).filter(
      (m) => m.ruleId === 'renderer/no-literal-words',
    );
    expect(messages.map((m) => m.severity)).toEqual([2]);
  });
});
