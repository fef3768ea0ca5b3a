import { describe, expect, it } from 'vitest';
import { createDirtyFlag } from '../../../pwa/session/dirty-flag.ts';

describe('the unsaved-changes flag', () => {
  it('stays up while any form holds changes, and tells listeners only when it flips', () => {
    const flag = createDirtyFlag();
    const seen: boolean[] = [];
    flag.subscribe((dirty) => seen.push(dirty));
    flag.set('household-form', true);
    flag.set('resident-form', true);
    flag.set('household-form', false);
    expect(flag.get()).toBe(true);
    flag.set('resident-form', false);
    expect(flag.get()).toBe(false);
    expect(seen).toEqual([true, false]);
  });
});
