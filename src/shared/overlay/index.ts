export * from './content';
export * from './state';
export * from './video-subtitles';
