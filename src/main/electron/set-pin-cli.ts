// Entry for `npm run set-pin`; the logic is in set-pin.ts, tested without a terminal.
import { createInterface } from 'node:readline';
import { findElectronBinary } from '../launch/electron-binary';
import { resolveDataDir } from '../settings/data-dir';
import { runSetPin } from './set-pin';

/** Piped input (`printf '1234\n1234\n' | npm run set-pin`): one line per question. */
function pipedLines(): (question: string) => Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  return async (question) => {
    process.stdout.write(question);
    const next = await lines.next();
    process.stdout.write('\n');
    return next.done ? '' : String(next.value).trim();
  };
}

/** A terminal: raw mode, so the PIN is never echoed and never lands in the scrollback. */
function hiddenPrompt(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

const promptHidden = process.stdin.isTTY ? hiddenPrompt : pipedLines();

try {
  process.exitCode = await runSetPin(process.argv.slice(2), {
    promptHidden,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    resolveDataDir: (flag) => resolveDataDir(flag),
    desktopApp: () => findElectronBinary(),
  });
} catch (error) {
  console.error((error as Error).message === 'cancelled' ? 'Cancelled.' : String(error));
  process.exitCode = 1;
}
