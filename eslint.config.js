// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noLiteralWords } from './lint-rules/no-literal-words.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
  'worker_threads',
  'dns',
];

const rendererDir = path.resolve('src/renderer');

/**
 * The room of the renderer a path lies in: `app`, `views/<name>` (one per view), another
 * folder (`controls`, `slides`, `stores`, `transport`…), or null outside src/renderer.
 */
function rendererRoom(file) {
  const relative = path.relative(rendererDir, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  if (parts.length < 2) return null;
  if (parts[0] === 'views') return parts.length > 2 ? `views/${parts[1]}` : null;
  return parts[0];
}

/**
 * The renderer's rooms: no view imports another view, and nothing below the views (controls,
 * slides, stores, transport…) imports a view or the app that routes to them; that is how
 * transport once closed a 16-file import circle. What two views share lives below them. A rule
 * of our own rather than `no-restricted-imports`, whose patterns see only the import's text:
 * `../display/theme` and `../../views/display/theme` are the same file.
 */
const rendererRooms = {
  meta: {
    type: 'problem',
    messages: {
      crossView:
        'A view must not import another view ({{from}} imports {{to}}): move what both need to src/renderer/controls, slides, stores or transport.',
      upward:
        'src/renderer/{{from}} must not import {{to}}: only the app routes to views, and views import what lies below them.',
    },
    schema: [],
  },
  create(context) {
    const from = rendererRoom(context.filename);
    if (!from || from === 'app') return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const to = rendererRoom(path.resolve(path.dirname(context.filename), source.value));
      if (!to || to === from) return;
      const toView = to.startsWith('views/');
      if (toView && from.startsWith('views/')) {
        context.report({ node: source, messageId: 'crossView', data: { from, to } });
      } else if (toView || to === 'app') {
        context.report({ node: source, messageId: 'upward', data: { from, to } });
      }
    };
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

/** The import rules of docs/architecture.md, one layer at a time. */
const layerRules = [
  {
    // shared: pure TypeScript, imports nothing of ours outside shared, no Node, no Electron.
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared is pure: no Node modules.' },
            { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
            {
              group: [
                '**/main',
                '**/main/**',
                '**/renderer',
                '**/renderer/**',
                '**/preload',
                '**/preload/**',
              ],
              message: 'src/shared imports nothing of ours outside src/shared.',
            },
            { group: ['react', 'react-dom', 'zustand'], message: 'src/shared has no UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer runs in a sandboxed page: no Node modules.',
            },
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer must not import electron; use window.api from the preload.',
            },
            {
              group: ['**/main/**', '**/preload/**', '!**/preload/index.d'],
              message:
                'The renderer must not import main or preload code; talk to the core over the protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core: everything in src/main except the shell.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only src/main/electron may import electron: the core must run headless.',
            },
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'The core must not import renderer or preload code.',
            },
          ],
        },
      ],
    },
  },
  {
    // settings: the files the core keeps. Under the core's parts, so none of them is above it.
    files: ['src/main/settings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'src/main/settings must not import electron.',
            },
            {
              group: [
                '../server',
                '../server/**',
                '../show',
                '../show/**',
                '../obs',
                '../obs/**',
                '../content',
                '../content/**',
                '../remote',
                '../remote/**',
                '../core',
                '../core/**',
                '../cli',
                '../cli/**',
                '../launch',
                '../launch/**',
                '../electron',
                '../electron/**',
                '**/renderer',
                '**/renderer/**',
                '**/preload',
                '**/preload/**',
              ],
              message:
                'src/main/settings imports only src/shared: the core imports settings, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The preload imports only src/shared and electron.',
            },
            { group: nodeBuiltins, message: 'A sandboxed preload has no Node modules.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'content/**',
      // Fixture packs are data; the code among the fixtures is linted like any test helper.
      'tests/fixtures/**/*.!(ts|tsx|mjs)',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...layerRules,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { renderer: { rules: { rooms: rendererRooms, 'no-literal-words': noLiteralWords } } },
    rules: { 'renderer/rooms': 'error' },
  },
  {
    // Words a person reads come from the catalogs, in every language (docs/translating.md).
    files: ['src/renderer/**/*.tsx'],
    rules: { 'renderer/no-literal-words': 'error' },
  },
);
