import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints made-up source text as if it lived at `filePath`, so the layer rules in
// eslint.config.js are tested without writing bad files into src/.
async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import rules between layers', () => {
  it('refuses node:fs in the renderer', async () => {
    const messages = await restrictedImportMessages(
      'src/renderer/views/display/bad.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(messages.join('\n')).toMatch(/no Node modules/);
  });

  it('refuses electron in the core', async () => {
    const messages = await restrictedImportMessages(
      'src/main/show/bad.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(messages.join('\n')).toMatch(/Only src\/main\/electron may import electron/);
  });

  it('refuses main code in the renderer', async () => {
    const messages = await restrictedImportMessages(
      'src/renderer/stores/bad.ts',
      "import { x } from '../../main/core';\nexport const y = x;\n",
    );
    expect(messages.join('\n')).toMatch(/must not import main/);
  });

  it('keeps shared free of Node and of our other layers', async () => {
    const node = await restrictedImportMessages(
      'src/shared/content/bad.ts',
      "import path from 'node:path';\nexport const x = path;\n",
    );
    expect(node.join('\n')).toMatch(/src\/shared is pure/);
    const main = await restrictedImportMessages(
      'src/shared/content/bad2.ts',
      "import { x } from '../../main/core';\nexport const y = x;\n",
    );
    expect(main.join('\n')).toMatch(/imports nothing of ours/);
  });

  it('keeps settings under the core: it imports shared and itself, nothing above it', async () => {
    for (const [file, from] of [
      ['src/main/settings/bad.ts', '../server/tokens'],
      ['src/main/settings/bad.ts', '../show/engine'],
      ['src/main/settings/bad.ts', '../core/start'],
      ['src/main/settings/bad.ts', '../obs'],
      ['src/main/settings/bad.ts', '../../renderer/stores/operator'],
    ]) {
      const messages = await restrictedImportMessages(
        file!,
        `import { x } from '${from}';\nexport const y = x;\n`,
      );
      expect(messages.join('\n'), from).toMatch(/src\/main\/settings imports only src\/shared/);
    }
    expect(
      await restrictedImportMessages(
        'src/main/settings/ok.ts',
        "import { a } from './atomic-file';\nimport { b } from '../../shared/protocol';\nimport { c } from '../../shared/content';\nexport const y = [a, b, c];\n",
      ),
    ).toEqual([]);
  });

  it('keeps shared under everything: no core, settings, renderer or preload code', async () => {
    for (const from of ['../../main/settings/tokens', '../../renderer/app/main', '../../preload']) {
      const messages = await restrictedImportMessages(
        'src/shared/time/bad.ts',
        `import { x } from '${from}';\nexport const y = x;\n`,
      );
      expect(messages.join('\n'), from).toMatch(/imports nothing of ours/);
    }
  });

  it('allows electron in the shell and shared code in the renderer', async () => {
    expect(
      await restrictedImportMessages(
        'src/main/electron/ok.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImportMessages(
        'src/renderer/stores/ok.ts',
        "import { pickText } from '../../shared/content/text';\nexport const x = pickText;\n",
      ),
    ).toEqual([]);
  });
});

// The renderer's rooms (`renderer/rooms` in eslint.config.js): a view never borrows from
// another view, and nothing below the views reaches up to a view or to the app's routes.
async function roomMessages(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'renderer/rooms')
    .map((m) => m.message);
}

describe('import rules between the renderer’s rooms', () => {
  it('refuses a view importing another view, however the path is spelled', async () => {
    for (const [file, source] of [
      ['src/renderer/views/operator/bad.tsx', '../display/theme'],
      ['src/renderer/views/operator/obs/bad.tsx', '../../display/choose-screen'],
      ['src/renderer/views/remote/bad.tsx', '../../views/operator/ActionButton'],
      ['src/renderer/views/display/merch/bad.tsx', '../../overlay/page'],
    ] as const) {
      const code = `import { x } from '${source}';\nexport const y = x;\n`;
      const messages = await roomMessages(file, code);
      expect(messages.join('\n'), `${file} → ${source}`).toMatch(
        /A view must not import another view/,
      );
    }
    const lazy = await roomMessages(
      'src/renderer/views/remote/bad.tsx',
      "export const load = () => import('../operator/OperatorView');\n",
    );
    expect(lazy.join('\n')).toMatch(/views\/remote imports views\/operator/);
    const reexport = await roomMessages(
      'src/renderer/views/overlay/bad.ts',
      "export { chooseScreen } from '../display/choose-screen';\n",
    );
    expect(reexport.join('\n')).toMatch(/A view must not import another view/);
  });

  it('refuses transport, stores and controls reaching up to a view or the app', async () => {
    const transport = await roomMessages(
      'src/renderer/transport/bad.ts',
      "import { roleForPath } from '../app/routes';\nexport const x = roleForPath;\n",
    );
    expect(transport.join('\n')).toMatch(/src\/renderer\/transport must not import app/);
    const store = await roomMessages(
      'src/renderer/stores/bad.ts',
      "import { applyObs } from '../views/operator/obs/obs-store';\nexport const x = applyObs;\n",
    );
    expect(store.join('\n')).toMatch(/must not import views\/operator/);
    const control = await roomMessages(
      'src/renderer/controls/bad.tsx',
      "import { OnAirPanel } from '../views/operator/OnAirPanel';\nexport const x = OnAirPanel;\n",
    );
    expect(control.join('\n')).toMatch(/must not import views\/operator/);
  });

  it('allows a view its own folders, the rooms below it, and the app its views', async () => {
    for (const [file, source] of [
      ['src/renderer/views/display/ok.tsx', './merch/MerchTable'],
      ['src/renderer/views/display/merch/ok.tsx', '../preload'],
      ['src/renderer/views/operator/ok.tsx', '../../slides/theme'],
      ['src/renderer/views/remote/ok.tsx', '../../controls/ActionButton'],
      ['src/renderer/app/ok.ts', '../views/display/DisplayView'],
      ['src/renderer/transport/ok.ts', '../stores'],
    ] as const) {
      const code = `import { x } from '${source}';\nexport const y = x;\n`;
      expect(await roomMessages(file, code), `${file} → ${source}`).toEqual([]);
    }
  });
});
