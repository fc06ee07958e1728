import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.ts';

/** A `run` that records each batch and answers when told to. */
function recordingRun() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve) => pending.push(() => resolve(items.map((n) => `answer ${n}`))));
  };
  const answerNext = async () => {
    pending.shift()?.();
    // Let the answers and the next dispatch settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { batches, run, answerNext };
}

describe('Batcher', () => {
  it('sends a call at once when a slot is free, with the others of the same tick', async () => {
    const { batches, run, answerNext } = recordingRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const calls = [batcher.load(1), batcher.load(2), batcher.load(3)];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toEqual([[1, 2, 3]]);
    await answerNext();
    expect(await Promise.all(calls)).toEqual(['answer 1', 'answer 2', 'answer 3']);
  });

  it('gathers the calls made while every slot is busy into the next batch, each answered with its own result', async () => {
    const { batches, run, answerNext } = recordingRun();
    const batcher = new Batcher(run, { maxInFlight: 2, maxBatch: 10 });
    const first = batcher.load(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = batcher.load(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const waiting = [3, 4, 5].map((n) => batcher.load(n));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toEqual([[1], [2]]);
    await answerNext();
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
    await answerNext();
    await answerNext();
    expect(await Promise.all([first, second, ...waiting])).toEqual([1, 2, 3, 4, 5].map((n) => `answer ${n}`));
  });

  it('never puts more than maxBatch calls in one batch', async () => {
    const { batches, run, answerNext } = recordingRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 2 });
    const calls = [1, 2, 3, 4, 5].map((n) => batcher.load(n));
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 3; i++) await answerNext();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(await Promise.all(calls)).toHaveLength(5);
  });

  it('rejects every call of a failed batch, and goes on with the next', async () => {
    let fail = true;
    const batcher = new Batcher(
      (items: number[]) =>
        fail ? Promise.reject(new Error('database gone')) : Promise.resolve(items.map((n) => n * 10)),
      { maxInFlight: 1, maxBatch: 10 },
    );
    const failed = [batcher.load(1), batcher.load(2)].map((call) =>
      call.catch((error: Error) => error.message),
    );
    expect(await Promise.all(failed)).toEqual(['database gone', 'database gone']);
    fail = false;
    expect(await batcher.load(3)).toBe(30);
  });

  it('treats a run that throws at once like one that rejects, and keeps its slot free', async () => {
    let calls = 0;
    const batcher = new Batcher(
      (items: number[]) => {
        calls++;
        if (calls === 1) throw new Error('bad input');
        return Promise.resolve(items.map((n) => n + 1));
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    await expect(batcher.load(1)).rejects.toThrow('bad input');
    expect(await batcher.load(2)).toBe(3);
  });
});
