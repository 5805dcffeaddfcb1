import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/protocol/content-api';

/*
 * The shape of a row of the `/api/v1` route table (api-routes.ts), and the parts rows share.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Who may call a route: the operator's token, a control token, or nobody needs one. */
export type Access = 'operator' | 'operator-or-control' | 'public';

export interface Body {
  schema?: z.ZodType;
  /** `application/json` unless said. */
  type?: string;
  description: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface ApiRoute {
  method: Method;
  /** Fastify's form, under `/api/v1`: `/items/:id`. */
  path: string;
  access: Access;
  summary: string;
  parameters?: Parameter[];
  request?: Body;
  responses: Record<number, Body>;
  /** A WebSocket upgrade, not a plain GET. */
  websocket?: boolean;
}

/** An error answer: `{ error, message }`. */
export const error = (description: string): Body => ({ schema: apiErrorSchema, description });
/** The answers of every route that needs a token: none, or one of a role that may not. */
export const denied: Record<401 | 403, Body> = {
  401: error('No token, or a token that is nobody’s.'),
  403: error('A token of a role that may not do this.'),
};
