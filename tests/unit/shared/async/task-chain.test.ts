import { describe, expect, it } from 'vitest';
import { TaskChain } from '../../../../src/shared/async/task-chain';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a chain of tasks', () => {
  it('runs each after the one before has finished, in the order they came', async () => {
    const chain = new TaskChain();
    const order: string[] = [];
    const slow = chain.run(async () => {
      order.push('slow starts');
      await later(20);
      order.push('slow ends');
    });
    const quick = chain.run(async () => {
      order.push('quick');
      return 7;
    });
    await slow;
    expect(await quick).toBe(7);
    expect(order).toEqual(['slow starts', 'slow ends', 'quick']);
  });

  it('gives a failure to its own caller and runs the next task anyway', async () => {
    const chain = new TaskChain();
    const failed = chain.run(() => Promise.reject(new Error('refused')));
    const next = chain.run(async () => 'ran');
    await expect(failed).rejects.toThrow('refused');
    expect(await next).toBe('ran');
  });
});
