export type { ContentStore, PackLoadResult, Unsubscribe } from './types';
export { loadPack } from './load-pack';
export { resolveInsidePack, type ResolveResult } from './paths';
export {
  checkImage,
  imageExtensions,
  type ImageCheck,
  type ImageInfo,
  type ImageType,
} from './media';
export { openContentStore, fallbackPack, type ContentStoreOptions } from './store';
export { runValidate } from './validate-command';
