import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EnrolResponseSchema } from '../../../shared/sync/protocol.ts';
import { createTeam } from '../../../cli/protocol-server/teams.ts';
import { cryptoRandom } from '../../../cli/protocol-server/runtime.ts';
import { batchOf, errorOf, postBatch, startTestServer, wireRecord, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

function enrolWith(body: unknown): Promise<Response> {
  return fetch(`${server.url}/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /v1/devices', () => {
  it('enrols a device with a one-time team code and stores only hashes of the secrets', async () => {
    const team = createTeam(server.db, 'Tổ khóm 3', server.clock, cryptoRandom);
    const publicKey = { kty: 'EC', crv: 'P-256', x: 'abc', y: 'def' };
    const res = await enrolWith({ code: team.code, deviceName: 'Điện thoại Mai', publicKey });
    expect(res.status).toBe(201);
    const body = v.parse(EnrolResponseSchema, await res.json());
    expect(body.teamId).toBe(team.teamId);
    expect(body.teamName).toBe('Tổ khóm 3');

    const row = server.db
      .prepare<[string], { token_hash: string; public_key: string }>('SELECT token_hash, public_key FROM devices WHERE id = ?')
      .get(body.deviceId);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(body.token);
    expect(JSON.parse(row?.public_key ?? 'null')).toEqual(publicKey);
    const dump = JSON.stringify(server.db.prepare('SELECT * FROM enrol_codes').all());
    expect(dump).not.toContain(team.code);
  });

  it('accepts the code typed in lower case with spaces instead of the dash', async () => {
    const team = createTeam(server.db, 'Tổ ấp 4', server.clock, cryptoRandom);
    const typed = ` ${team.code.toLowerCase().replace('-', ' ')} `;
    expect((await enrolWith({ code: typed })).status).toBe(201);
  });

  it('refuses a code used once already with 403 ENROL_CODE_INVALID', async () => {
    const team = createTeam(server.db, 'Tổ ấp 5', server.clock, cryptoRandom);
    expect((await enrolWith({ code: team.code })).status).toBe(201);
    expect(await errorOf(await enrolWith({ code: team.code }))).toMatchObject({ status: 403, code: 'ENROL_CODE_INVALID' });
  });

  it('refuses an unknown code the same way', async () => {
    expect(await errorOf(await enrolWith({ code: 'ZZZZ-ZZZZ' }))).toMatchObject({ status: 403, code: 'ENROL_CODE_INVALID' });
  });

  it('answers a body without a code with 400 BAD_REQUEST naming the field', async () => {
    const error = await errorOf(await enrolWith({ deviceName: 'x' }));
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(error.message).toContain('code');
  });

  it('answers bad JSON with 400 BAD_JSON', async () => {
    expect(await errorOf(await enrolWith('{"code": '))).toMatchObject({ status: 400, code: 'BAD_JSON' });
  });
});

describe('bearer tokens', () => {
  it('answers 401 UNAUTHORIZED without a token and with a forged one', async () => {
    const none = await fetch(`${server.url}/v1/updates`);
    expect(await errorOf(none)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const forged = await fetch(`${server.url}/v1/updates`, { headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(await errorOf(forged)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    const basic = await fetch(`${server.url}/v1/catalog`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(await errorOf(basic)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it("refuses a batch whose deviceId is not the token's device with 403 FORBIDDEN", async () => {
    const mine = await server.enrol();
    const other = await server.enrol();
    const batch = batchOf(other, [await wireRecord('household')]);
    expect(await errorOf(await postBatch(server.url, mine, batch))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it("rejects a record that already belongs to another team with OTHER_TEAM, and keeps the owner's copy", async () => {
    const owner = await server.enrol('Tổ A');
    const intruder = await server.enrol('Tổ B');
    const record = await wireRecord('household');
    const first = await postBatch(server.url, owner, batchOf(owner, [record]));
    expect(((await first.json()) as { receipts: { status: string }[] }).receipts[0]?.status).toBe('accepted');

    const second = await postBatch(server.url, intruder, batchOf(intruder, [{ ...record, rev: 2 }]));
    const receipt = ((await second.json()) as { receipts: { status: string; code?: string }[] }).receipts[0];
    expect(receipt).toMatchObject({ status: 'rejected', code: 'OTHER_TEAM' });
    const stored = server.db.prepare<[string], { team_id: string; rev: number }>('SELECT team_id, rev FROM records WHERE id = ?').get(record.id);
    expect(stored).toEqual({ team_id: owner.teamId, rev: 1 });
  });
});
