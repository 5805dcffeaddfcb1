// Preloaded into Electronegativity by scripts/electron-audit.mjs. Its CSV output (1.10.3,
// dist/util/file.js) writes the header with fs.writeFile (truncating) and the findings with a
// second fs.writeFile (appending) without waiting for the first: the two race, and the report
// comes out garbled, or as a bare header that reads as "no findings". Making fs.writeFile
// synchronous here puts the writes in the order they were made.
import fs from 'node:fs';

fs.writeFile = function writeFileInOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  try {
    fs.writeFileSync(file, data, opts);
  } catch (error) {
    if (done) process.nextTick(done, error);
    return;
  }
  if (done) process.nextTick(done, null);
};
