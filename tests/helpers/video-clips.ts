import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Short test videos made with Debian's ffmpeg (installed by scripts/install-system-deps.sh):
 * the repository ships no video, and the band's films are not ours to ship. A clip is made once
 * per machine and kept in the temp folder, keyed by everything that makes it.
 */
export interface ClipSpec {
  format: 'mp4' | 'webm';
  seconds: number;
  width?: number;
  height?: number;
  /** Without an audio track when false. */
  audio?: boolean;
  /** The lavfi video source: `testsrc2` (moving pattern) by default; `color=c=black` for black. */
  source?: string;
}

const CLIP_DIR = path.join(os.tmpdir(), 'solidarity-test-clips');

export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The clip's path, made on first use. Throws (naming ffmpeg) when ffmpeg is missing. */
export function makeClip(spec: ClipSpec): string {
  const { format, seconds, width = 320, height = 180, audio = true } = spec;
  const source = spec.source ?? 'testsrc2';
  const name = `${source.replace(/[^a-z0-9]+/gi, '_')}-${width}x${height}-${seconds}s-${audio ? 'a' : 'n'}.${format}`;
  const out = path.join(CLIP_DIR, name);
  if (existsSync(out)) return out;
  mkdirSync(CLIP_DIR, { recursive: true });
  const video = [
    '-f',
    'lavfi',
    '-i',
    `${source}=size=${width}x${height}:rate=30:duration=${seconds}`,
  ];
  const sound = audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`] : [];
  const codecs =
    format === 'mp4'
      ? [
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-pix_fmt',
          'yuv420p',
          '-movflags',
          '+faststart',
        ].concat(audio ? ['-c:a', 'aac'] : [])
      : ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'].concat(
          audio ? ['-c:a', 'libopus'] : [],
        );
  const temp = `${out}.${process.pid}.part.${format}`;
  execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', ...video, ...sound, ...codecs, '-shortest', temp],
    { stdio: 'inherit' },
  );
  // Renamed into place, so a parallel test never reads half a clip.
  execFileSync('mv', ['-f', temp, out]);
  return out;
}
