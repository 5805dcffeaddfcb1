import { describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/main/server/http';

// fastify builds an ajv validator and a serializer compiler for every app unless told how to
// compile schemas; our routes have none (zod checks what comes in), and building them was a
// good part of the time to listen. A schema slipped in later must fail loudly, not be skipped.
describe('createApp', () => {
  it('serves routes without schemas', async () => {
    const app = createApp();
    app.get('/plain', async () => 'ok');
    const reply = await app.inject({ method: 'GET', url: '/plain' });
    expect(reply.body).toBe('ok');
    await app.close();
  });

  it('refuses to start with a route that needs a schema compiled', async () => {
    const app = createApp();
    app.get('/q', { schema: { querystring: { type: 'object' } } }, async () => 'ok');
    await expect(app.ready()).rejects.toThrow(/check the request with zod/);
    await app.close().catch(() => undefined);
  });

  it('refuses a response schema the same way', async () => {
    const app = createApp();
    app.get('/r', { schema: { response: { 200: { type: 'string' } } } }, async () => 'ok');
    await expect(app.ready()).rejects.toThrow(/send checked values/);
    await app.close().catch(() => undefined);
  });
});
