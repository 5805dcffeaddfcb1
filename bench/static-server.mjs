// @ts-check
// A tiny static file server for the reveal.js comparison: what "a static deck" costs to start.
// Plain JavaScript run by plain `node`, as `serve` is: a TypeScript loader would add its own
// start-up time to the deck's side of the comparison.
//
//   node bench/static-server.mjs /=DECK_DIR /media/=PACK/media /reveal/=node_modules/reveal.js/dist
//
// Loopback only; prints `static http://127.0.0.1:PORT/` once it listens.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** `[url prefix, folder]`, longest prefix first, so `/media/` wins over `/`. */
const mounts = process.argv
  .slice(2)
  .map((arg) => {
    const at = arg.indexOf('=');
    return /** @type {[string, string]} */ ([arg.slice(0, at), path.resolve(arg.slice(at + 1))]);
  })
  .sort((a, b) => b[0].length - a[0].length);

/** The file a URL path names, or null when no mount has it (or it climbs out of one). */
function resolveFile(urlPath) {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    // A folder's address (ending in `/`) means its index.html, as on any static host.
    const rest = urlPath.slice(prefix.length).replace(/(^|\/)$/, '$1index.html');
    const file = path.resolve(dir, rest);
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }
  return null;
}

const server = createServer((request, response) => {
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    urlPath = '';
  }
  const file = urlPath ? resolveFile(urlPath) : null;
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  const type = TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))];
  response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`static http://127.0.0.1:${port}/\n`);
});
// Nothing to flush: a static server can stop at once, open keep-alive sockets and all.
process.on('SIGTERM', () => process.exit(0));
