export { startServer, MAX_PAYLOAD_BYTES } from './server';
export type { ServerOptions, RunningServer, NoticeBoard } from './server';
export { views, viewUrls, viewUrl, baseUrl, printedRoles } from '../../shared/protocol';
export type { View } from '../../shared/protocol';
export { mediaTypes } from './media';
export { applyMerchTable, DEFAULT_MERCH_IDLE_SECONDS } from './merch-table';
export type { MerchTableOption } from './merch-table';
export { describeAgent } from './user-agent';
export { PAIR_PATH } from './pair-route';
