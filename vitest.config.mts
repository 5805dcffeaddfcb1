import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects because the layers run in different worlds: the core and shared code in Node,
// the renderer in a DOM (jsdom). Same split as tsconfig.node.json / tsconfig.web.json.
export default defineConfig({
  plugins: [react()],
  test: {
    reporters: process.env.CI_REPORTS ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/unit/main/**/*.test.ts',
            'tests/unit/shared/**/*.test.ts',
            'tests/unit/scripts/**/*.test.ts',
            'tests/unit/config/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
