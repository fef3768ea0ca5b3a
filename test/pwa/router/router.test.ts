import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../../pwa/router/router.ts';

const ID = '019ca6b1-dc02-7b2f-8e2e-5be767d044f4';

describe('routes', () => {
  it('turns every screen into an address and back', () => {
    const routes: Route[] = [
      { name: 'households' },
      { name: 'household', id: ID },
      { name: 'household-new' },
      { name: 'resident-new', householdId: ID },
      { name: 'record', id: ID },
      { name: 'edit', id: ID },
      { name: 'eid-new', residentId: ID },
      { name: 'dossier-new', residentId: ID },
      { name: 'outbox' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  it('sends an address it does not know to the household list', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'households' });
    expect(parseRoute('#/h/not-an-id')).toEqual({ name: 'households' });
    expect(parseRoute('')).toEqual({ name: 'households' });
  });
});
