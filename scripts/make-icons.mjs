// `npm run icons`: renders resources/icon.svg to the PNG sizes the installers use
// (resources/icons/<n>x<n>.png: the .deb's hicolor theme, the AppImage, the window icon).
// The PNGs are committed; run this again after changing the SVG.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function makeIcons(svgPath, outDir) {
  const svg = readFileSync(svgPath);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `${size}x${size}.png`);
    // Rendered at the size itself (density scales the 1024-unit SVG), not shrunk from 1024.
    await sharp(svg, { density: Math.max(1, (72 * size) / 1024) })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toFile(file);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await makeIcons(
    path.join(root, 'resources/icon.svg'),
    path.join(root, 'resources/icons'),
  );
  for (const file of written) console.log(`wrote ${path.relative(root, file)}`);
}
