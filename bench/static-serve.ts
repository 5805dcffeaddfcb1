// Starts bench/static-server.mjs as its own process, the way tests/helpers/serve starts `serve`.
import { spawn } from 'node:child_process';
import path from 'node:path';

const SERVER = path.join(import.meta.dirname, 'static-server.mjs');
const URL_LINE = /^static (http:\/\/127\.0\.0\.1:\d+\/)$/m;

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Resolves once the server has printed its URL; rejects with its output if it exits first. */
export function startStaticServer(mounts: readonly string[], timeoutMs = 30_000) {
  const child = spawn(process.execPath, [SERVER, ...mounts], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise<StaticServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`static server printed no URL within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, stop });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited (${code}) before printing its URL\n${output}`));
    });
  });
}
