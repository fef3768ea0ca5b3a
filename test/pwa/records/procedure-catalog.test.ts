import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadProcedureCatalog, PROCEDURES_URL } from '../../../pwa/records/procedure-catalog.ts';

const published = readFileSync('shared/catalog/data/procedures.json', 'utf8');

/** A fetch that answers each call with the next of `answers`, and records the URLs asked. */
function fakeFetch(...answers: Response[]): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const fn = async (input: RequestInfo | URL): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : input.toString());
    const next = answers.shift();
    if (!next) throw new TypeError('offline');
    return next;
  };
  return Object.assign(fn, { urls });
}

describe('the PWA loads the procedure catalog as data', () => {
  it('fetches the file beside the app once and searches it like the shared catalog', async () => {
    const fetchFn = fakeFetch(new Response(published));
    const catalog = await loadProcedureCatalog(fetchFn);
    expect(fetchFn.urls).toEqual([PROCEDURES_URL]);
    expect(catalog.findProcedure('1.001193')?.shortName).toBe('Đăng ký khai sinh');
    expect(catalog.findProcedure('1.001193')?.form.length).toBeGreaterThan(0);
    expect(catalog.searchProcedures('khai sinh')[0]?.code).toBe('1.001193');
    // Cached: a second screen does not fetch again.
    expect(await loadProcedureCatalog(fakeFetch())).toBe(catalog);
  });
});

describe('a catalog that cannot be used is refused, and tried again next time', () => {
  it('refuses a file of another shape, then loads a good one', async () => {
    vi.resetModules();
    const fresh = await import('../../../pwa/records/procedure-catalog.ts');
    const damaged = JSON.stringify({ procedures: [{ code: '1.001193', shortName: 42 }] });
    await expect(fresh.loadProcedureCatalog(fakeFetch(new Response(damaged)))).rejects.toThrow();
    await expect(fresh.loadProcedureCatalog(fakeFetch(new Response('not found', { status: 404 })))).rejects.toThrow(/HTTP 404/);
    const catalog = await fresh.loadProcedureCatalog(fakeFetch(new Response(published)));
    expect(catalog.procedures()).toHaveLength(21);
  });
});
