import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import packageJson from '../../../../package.json';
import { API_PREFIX } from '../../../shared/protocol/content-api';
import { apiRoutes, type Body } from './api-routes';

export { apiRoutes, controlCommandBodyVariants, type ApiRoute } from './api-routes';

/*
 * The OpenAPI description of `/api/v1` (issue 16 §4), built from the same zod schemas the
 * routes check their bodies with. `docs/openapi.json` is this document, written by
 * `npm run openapi`; a test keeps both the file and the route table (`api-routes.ts`) equal to the routes the real
 * server registers, in both directions.
 */

export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

/** `/items/:id` → `/items/{id}`. */
export function openApiPath(path: string): string {
  return API_PREFIX + path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // `io: 'input'` for what a client sends: fields with defaults are optional there.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function content(body: Body, io: 'input' | 'output') {
  const type = body.type ?? 'application/json';
  return { [type]: body.schema ? { schema: jsonSchema(body.schema, io) } : {} };
}

const security = {
  operator: [{ operatorToken: [] }],
  'operator-or-control': [{ operatorToken: [] }, { controlToken: [] }],
  public: [],
} as const;

export function buildOpenApiDocument(version = packageJson.version): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      security: security[route.access],
      ...(route.websocket ? { 'x-websocket': true } : {}),
      ...(route.parameters
        ? {
            parameters: route.parameters.map((p) => ({
              name: p.name,
              in: p.in,
              description: p.description,
              required: p.required ?? false,
              schema: p.schema ?? { type: 'string' },
            })),
          }
        : {}),
      ...(route.request
        ? {
            requestBody: {
              required: true,
              description: route.request.description,
              content: content(route.request, 'input'),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, body]) => [
          status,
          {
            description: body.description,
            ...(body.schema || body.type ? { content: content(body, 'output') } : {}),
          },
        ]),
      ),
    };
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Solidarity Screens API',
      version,
      description:
        'The content API (operator token) and the control API (operator or control token). ' +
        'See docs/api.md. Served only on the main listener, never on the phone remote’s LAN one.',
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    components: {
      securitySchemes: {
        operatorToken: { type: 'http', scheme: 'bearer', description: 'The operator’s token.' },
        controlToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A named control token, made in the console’s Control API panel.',
        },
      },
    },
    paths,
  };
}

/** The document as `docs/openapi.json` holds it. */
export function openApiText(version = packageJson.version): string {
  return `${JSON.stringify(buildOpenApiDocument(version), null, 2)}\n`;
}

/**
 * `GET /api/v1/openapi.json`, with no token: it says what the routes are, which the code and
 * the docs say publicly anyway; it holds no token, no item, nothing of the show.
 */
export function registerOpenApiRoute(app: FastifyInstance): void {
  // Built on the first request, not before listening: turning every schema into JSON Schema
  // took a tenth of the time to listen, for a document few ever ask for.
  let text: string | null = null;
  app.get(OPENAPI_PATH, async (_request, reply) =>
    reply
      .header('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send((text ??= openApiText())),
  );
}

/**
 * Collects the `/api/v1` routes an app registers, as `METHOD /path` (Fastify's form, without
 * the prefix). Must be called before any route is added.
 */
export function collectApiRoutes(app: FastifyInstance): () => string[] {
  const found = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`${API_PREFIX}/`)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds HEAD beside each GET by itself.
      if (method === 'HEAD') continue;
      found.add(`${method} ${route.url.slice(API_PREFIX.length)}`);
    }
  });
  return () => [...found].sort();
}
