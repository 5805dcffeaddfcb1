import { parseArgs } from 'node:util';

export interface ShellArgs {
  content?: string;
  port?: number;
  /** The data folder, as `serve --data` takes it. */
  data?: string;
  newTokens: boolean;
  /** `--merch [SECONDS]`: null leaves the pack's setting alone. */
  merch: { idleSeconds?: number } | null;
}

/**
 * Our options from Electron's argv, the same names `serve` takes. Tolerant on purpose: the argv
 * also holds the Electron binary, the app folder and whatever switches Chromium, `npm start`
 * or Playwright added (`--inspect=0`, `--no-sandbox`, `--no-browser`), none of which may stop
 * the show. A value that makes no sense is ignored rather than fatal, for the same reason.
 */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: {
      content: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      'new-tokens': { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value : undefined;
  const port = text(values.port);
  const portNumber = port !== undefined && /^\d{1,5}$/.test(port) ? Number(port) : undefined;
  return {
    content: text(values.content),
    port: portNumber !== undefined && portNumber <= 65535 ? portNumber : undefined,
    data: text(values.data),
    newTokens: values['new-tokens'] === true,
    merch: merchOption(argv, tokens),
  };
}

type ArgToken = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** `--merch`, `--merch 90` or `--merch=90`; seconds outside 5–3600 fall back to the default. */
function merchOption(argv: readonly string[], tokens: readonly ArgToken[]) {
  const token = tokens.find((t) => t.kind === 'option' && t.name === 'merch');
  if (!token || token.kind !== 'option') return null;
  const value = token.inlineValue ? token.value : argv[token.index + 1];
  const seconds = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  return seconds >= 5 && seconds <= 3600 ? { idleSeconds: seconds } : {};
}
