import type Database from 'better-sqlite3';
import type { RoleStores, ServerRole } from '../protocol-server/protocol-server.ts';
import type { Clock } from '../protocol-server/runtime.ts';
import { createDecider } from './decider.ts';
import { createFaults } from './faults.ts';
import { provinceReception } from './province-reception.ts';
import type { ProvincePolicy } from './province-policy.ts';

/** The protocol server as the province: it numbers what it receives, decides it, injects faults. */
export function provinceRole(db: Database.Database, policy: ProvincePolicy, clock: Clock) {
  return ({ store, journal }: RoleStores): ServerRole => {
    const decider = createDecider(db, journal, policy, clock);
    return { reception: provinceReception(store, journal, policy), decide: () => decider.run(), faults: createFaults(policy) };
  };
}
