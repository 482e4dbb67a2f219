import { describe, expect, it } from 'vitest';
import { LEAN_PRELOAD_HELPER } from './lean-preload.ts';

async function helper(): Promise<(load: () => Promise<string>, deps?: readonly string[]) => Promise<string>> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(LEAN_PRELOAD_HELPER)}`)) as { __vitePreload: (load: () => Promise<string>, deps?: readonly string[]) => Promise<string> };
  return module.__vitePreload;
}

describe('the lean dynamic-import helper', () => {
  it('imports the chunk when there is nothing to preload', async () => {
    const preload = await helper();
    await expect(preload(() => Promise.resolve('chunk'), [])).resolves.toBe('chunk');
    await expect(preload(() => Promise.resolve('chunk'))).resolves.toBe('chunk');
  });

  it('fails loudly if a build ever asks it to preload something', async () => {
    const preload = await helper();
    expect(() => preload(() => Promise.resolve('chunk'), ['assets/index-x.css'])).toThrow(/lean-preload/);
  });
});
