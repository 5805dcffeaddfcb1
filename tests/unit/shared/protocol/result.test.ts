import { describe, expect, it } from 'vitest';
import { coreText, fail, ok, serverMessageSchema } from '../../../../src/shared/protocol';

describe('Result on the wire', () => {
  it('a result message is a Result with the request it answers', () => {
    expect(serverMessageSchema.parse({ type: 'result', requestId: 'r1', ...ok })).toEqual({
      type: 'result',
      requestId: 'r1',
      ok: true,
    });
    const refused = {
      type: 'result',
      requestId: 'r2',
      ...fail(coreText('show.noItem', { id: 'x' })),
    };
    expect(serverMessageSchema.parse(refused)).toEqual(refused);
  });

  it('a failure always says why, and a success carries no error', () => {
    expect(
      serverMessageSchema.safeParse({ type: 'result', requestId: 'r', ok: false }).success,
    ).toBe(false);
    expect(
      serverMessageSchema.safeParse({ type: 'result', requestId: 'r', ok: true, error: 'x' })
        .success,
    ).toBe(false);
  });
});
