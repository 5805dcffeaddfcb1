/*
 * A video's poster made in the browser from one of its frames: the browser already decodes the
 * video, so the core needs no video decoder. The frame goes up as a picture through the normal
 * picture upload, so it is checked and re-encoded like any other.
 */

/** Where the automatic poster is taken: a tenth in (past a black lead-in), within the video. */
export function posterTime(durationSeconds: number): number {
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) return 0;
  return Math.min(durationSeconds * 0.1, Math.max(0, durationSeconds - 0.05));
}

function once(video: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      video.removeEventListener(event, done);
      video.removeEventListener('error', failed);
      resolve();
    };
    const failed = () => {
      video.removeEventListener(event, done);
      video.removeEventListener('error', failed);
      reject(new Error('the video cannot be decoded here'));
    };
    video.addEventListener(event, done);
    video.addEventListener('error', failed);
  });
}

/** Seeks and waits until that frame can be drawn. */
export async function seekVideo(video: HTMLVideoElement, seconds: number): Promise<void> {
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await once(video, 'loadedmetadata');
  const seeked = once(video, 'seeked');
  video.currentTime = seconds;
  await seeked;
}

/** The frame the video shows now, as a JPEG at the video's own size. */
export function frameAsJpeg(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0 || canvas.height === 0) {
    return Promise.reject(new Error('the video has no picture yet'));
  }
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the frame could not be encoded'))),
      'image/jpeg',
      0.9,
    ),
  );
}

/** A poster for a video file not yet shown anywhere: its frame at `posterTime`. */
export async function posterFromFile(file: Blob): Promise<Blob> {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = url;
  try {
    await once(video, 'loadedmetadata');
    await seekVideo(video, posterTime(video.duration));
    return await frameAsJpeg(video);
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

/** The poster's file name from the video's: `talk.mp4` → `talk-poster.jpg`. */
export function posterName(videoName: string): string {
  const last = videoName.split(/[/\\]/).pop() ?? 'video';
  return `${last.replace(/\.[^.]+$/, '') || 'video'}-poster.jpg`;
}
