/**
 * The most pixels a pack image may have. A screen decodes the whole image before it scales it
 * down: a 400 KB PNG of 20000×20000 pixels is 1.6 GB in the browser (a decompression bomb).
 * 120 megapixels takes the largest phone and camera photos (108 MP); the core's scaler
 * refuses anything larger too. Its own module so the server can know it without loading the
 * image checker before it listens.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;
