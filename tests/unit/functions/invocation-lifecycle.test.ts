import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BackgroundWork } from '../../../functions/background-work.ts';
import { coldStart } from '../../../functions/cold-start.ts';

const later = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('functions: work beside an invocation', () => {
  it('settles tracked work, and work that work tracks while being waited for', async () => {
    const background = new BackgroundWork();
    const done: string[] = [];
    background.track(
      later(5, 'outer').then(() => {
        done.push('outer');
        background.track(later(5, 'inner').then(() => void done.push('inner')));
      }),
    );
    assert.deepEqual(await background.settle(), []);
    assert.deepEqual(done, ['outer', 'inner']);
  });

  it('returns each failure once, and does not let it go unhandled', async () => {
    const background = new BackgroundWork();
    const failure = new Error('send failed');
    background.track(Promise.reject(failure));
    background.track(later(1, 'ok'));
    assert.deepEqual(await background.settle(), [failure]);
    assert.deepEqual(await background.settle(), []);
  });
});

describe('functions: what a cold start builds', () => {
  it('is built once and shared', async () => {
    let builds = 0;
    const get = coldStart(async () => ({ build: ++builds }));
    const [a, b] = await Promise.all([get(), get()]);
    assert.equal(a, b);
    assert.equal(builds, 1);
  });

  it('is built again on the next call after a failed build', async () => {
    let builds = 0;
    const get = coldStart(async () => {
      builds++;
      if (builds === 1) throw new Error('SSM unreachable');
      return builds;
    });
    await assert.rejects(get(), /SSM unreachable/);
    assert.equal(await get(), 2);
    assert.equal(await get(), 2);
  });
});
