import type { Browser } from '@playwright/test';

/**
 * One scanned-drawing-like JPEG: paper grain, a few hundred pen and brush strokes, washes of
 * colour. No JPEG encoder is installed, so Chromium's canvas encodes it; a flat fill would
 * compress to nothing and decode in no time, which would flatter the display.
 */
export async function makeDrawingJpeg(
  browser: Browser,
  width = 4000,
  height = 3000,
): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const base64 = (await page.evaluate(`(async () => {
      const width = ${width}, height = ${height};
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d');
      g.fillStyle = '#f3efe4';
      g.fillRect(0, 0, width, height);
      const grain = g.createImageData(width, 200);
      for (let i = 0; i < grain.data.length; i += 4) {
        const v = 225 + random() * 30;
        grain.data[i] = v; grain.data[i + 1] = v - 4; grain.data[i + 2] = v - 12; grain.data[i + 3] = 60;
      }
      for (let y = 0; y < height; y += 200) g.putImageData(grain, 0, y);
      for (let i = 0; i < 40; i++) {
        g.fillStyle = 'hsla(' + Math.floor(random() * 360) + ', 55%, 55%, 0.25)';
        g.beginPath();
        g.ellipse(random() * width, random() * height, 200 + random() * 700, 150 + random() * 500, random() * 3, 0, 7);
        g.fill();
      }
      g.lineCap = 'round';
      for (let i = 0; i < 600; i++) {
        g.strokeStyle = 'hsla(' + Math.floor(random() * 360) + ', 40%, ' + Math.floor(10 + random() * 40) + '%, 0.85)';
        g.lineWidth = 2 + random() * 18;
        g.beginPath();
        let x = random() * width, y = random() * height;
        g.moveTo(x, y);
        for (let k = 0; k < 4; k++) {
          g.bezierCurveTo(x + (random() - 0.5) * 900, y + (random() - 0.5) * 900,
            x + (random() - 0.5) * 900, y + (random() - 0.5) * 900,
            (x += (random() - 0.5) * 700), (y += (random() - 0.5) * 700));
        }
        g.stroke();
      }
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    })()`)) as string;
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}
