import type { ApiRoute } from './api-route-types';
import { contentRoutes } from './content-api-table';
import { controlRoutes, packRoutes } from './control-api-table';

/*
 * The table of every `/api/v1` route the OpenAPI document describes (`openapi.ts` builds the
 * document from it), one file per API. A test keeps this table equal to the routes the real
 * server registers.
 */

export type { Access, ApiRoute, Body, Parameter } from './api-route-types';
export { controlCommandBodyVariants } from './control-api-table';

/** Every `/api/v1` route of the main listener. */
export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    summary: 'This description. It holds no token and nothing of the pack.',
    responses: { 200: { description: 'The OpenAPI 3.1 document.' } },
  },
  ...contentRoutes,
  ...packRoutes,
  ...controlRoutes,
];
