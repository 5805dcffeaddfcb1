import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';

const root = path.resolve(__dirname, '../../..');
const COMPILERS = ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];

// ajv and fast-json-stringify were a quarter of the bundled core that Node compiles before the
// server listens, for JSON schemas none of our routes has (server/http.ts refuses them).
describe('the bundled core leaves out the schema compilers', () => {
  it('keeps both compilers external to the main build', () => {
    const main = (config as { main?: { build?: { rollupOptions?: { external?: unknown } } } }).main;
    expect(main?.build?.rollupOptions?.external).toEqual(expect.arrayContaining(COMPILERS));
  });

  it('fastify asks for them only where it builds its own compilers', () => {
    const lib = path.join(root, 'node_modules/fastify/lib');
    const files = [
      path.join(root, 'node_modules/fastify/fastify.js'),
      ...readdirSync(lib).map((file) => path.join(lib, file)),
    ].filter((file) => file.endsWith('.js'));
    const askers = files.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return COMPILERS.some((name) => source.includes(`require('${name}')`));
    });
    // Inside buildSchemaController, and only when no compilersFactory is given.
    expect(askers.map((file) => path.basename(file))).toEqual(['schema-controller.js']);
    const controller = readFileSync(path.join(lib, 'schema-controller.js'), 'utf8');
    for (const name of COMPILERS) {
      const at = controller.indexOf(`require('${name}')`);
      expect(controller.lastIndexOf('if (!compilersFactory.', at)).toBeGreaterThan(-1);
    }
  });
});
