import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for.ts';

describe('waitFor', () => {
  it('returns what the condition returned once it comes true', async () => {
    let looks = 0;
    const found = await waitFor(() => {
      looks += 1;
      return looks >= 3 ? 'found' : undefined;
    });
    expect(found).toBe('found');
    expect(looks).toBe(3);
  });

  it('waits on a condition that answers asynchronously', async () => {
    const ready = Date.now() + 30;
    expect(await waitFor(async () => Date.now() >= ready)).toBe(true);
  });

  it('fails, naming the condition, when it never comes true', async () => {
    await expect(waitFor(() => 'yes'.length > 5, { timeoutMs: 50 })).rejects.toThrow(/still not true after 50 ms: .*length > 5/);
  });
});
