import type { DeviceKeys } from '../../shared/seal/keys.ts';
import { createHttpTransport } from '../../shared/sync/http-transport.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import type { TransportResult } from '../../shared/sync/transport.ts';
import { deviceKeysRow, leadKeysRow, makeDeviceKeys, trustedLeadKeys } from '../seal/device-keys.ts';
import type { LangsoDb } from '../store/db.ts';
import { deleteSetting, SETTINGS, writeSetting, type DeviceSettings } from '../store/settings-registry.ts';

export interface JoinRequest {
  readonly serverUrl: string;
  readonly code: string;
  readonly volunteerName: string;
  /** Device time of the enrolment (ISO). */
  readonly at: string;
}

/**
 * Enrols this phone with a team and keeps what it needs for sync and for batch files, together:
 * the device row, its own signing key (made here, before the request, so the server registers
 * its public half) and the team lead's public keys when the server has them. All three are
 * written in one transaction, so a phone is never half enrolled. Re-enrolling replaces them: keys
 * of a previous team are never kept by mistake.
 */
export async function joinTeam(fetchFn: typeof fetch, db: LangsoDb, request: JoinRequest): Promise<TransportResult<EnrolResponse>> {
  // No WebCrypto outside a secure context (http:// to a LAN address): the phone still enrols,
  // and the export screen explains why it cannot seal a file.
  const keys: DeviceKeys | undefined = await makeDeviceKeys().catch(() => undefined);
  const transport = createHttpTransport({ baseUrl: request.serverUrl, fetch: (url, init) => fetchFn(url, init) });
  const result = await transport.enrol({
    code: request.code.trim(),
    deviceName: request.volunteerName,
    ...(keys ? { publicKey: { ...keys.publicJwk } } : {}),
  });
  if (!result.ok) return result;
  const answer = result.value;
  const leadKeys = answer.leadKeys === undefined ? undefined : await trustedLeadKeys(answer.leadKeys);
  const device: DeviceSettings = {
    deviceId: answer.deviceId,
    volunteerName: request.volunteerName,
    serverUrl: request.serverUrl,
    token: answer.token,
    teamId: answer.teamId,
    ...(answer.teamName === undefined ? {} : { teamName: answer.teamName }),
    enrolledAt: request.at,
  };
  await db.transaction('rw', db.settings, async () => {
    await writeSetting(db, SETTINGS.device, device);
    if (keys) await db.settings.put(deviceKeysRow(keys));
    else await deleteSetting(db, SETTINGS.deviceKeys);
    if (leadKeys) await db.settings.put(leadKeysRow(leadKeys));
    else await deleteSetting(db, SETTINGS.leadKeys);
  });
  return result;
}
