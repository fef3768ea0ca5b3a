import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langso, parseJson, readDb, scratch } from '../helpers/lead-cli.ts';

const tmp = scratch('lead-enrol');
const ws = join(tmp.dir, 'ws');
const seen: unknown[] = [];
let server: Server;
let base = '';

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A stand-in for `POST /v1/devices` (docs/PROTOCOL.md): one good code, everything else refused. */
beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((json) => {
      seen.push({ method: req.method, url: req.url, json });
      res.setHeader('content-type', 'application/json');
      const code = (json as { code?: string }).code;
      if (req.url === '/v1/devices' && code === 'TCN-4821') {
        res.end(JSON.stringify({ deviceId: 'dev-lead-1', token: 'secret-token-xyz', teamId: 'team-7', teamName: 'Tổ Tân Hòa', serverTime: new Date().toISOString() }));
      } else if (code === 'GARBAGE') {
        res.end(JSON.stringify({ hello: 'world' }));
      } else {
        res.statusCode = 403;
        res.end(JSON.stringify({ code: 'ENROL_CODE_INVALID', message: 'bad code' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect((await langso(['init', '--team', 'Tổ Tân Hòa', '--commune', '32002', '--workspace', ws])).code).toBe(0);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp.dispose();
});

describe('langso enrol', () => {
  it('enrols with the team code and keeps the device id and token in the workspace, never on screen', async () => {
    const run = await langso(['enrol', '--server', base, '--code', 'TCN-4821', '--workspace', ws, '--json']);
    expect(run.code).toBe(0);
    expect(parseJson(run)).toEqual({ server: `${base}/`, deviceId: 'dev-lead-1', teamId: 'team-7', teamName: 'Tổ Tân Hòa' });
    expect(`${run.stdout}${run.stderr}`).not.toContain('secret-token-xyz');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/devices', json: { code: 'TCN-4821' } });
    const config = readDb(ws, (db) => JSON.parse(String(db.prepare("SELECT value FROM config WHERE key = 'lead'").pluck().get())) as Record<string, unknown>);
    expect(config['enrolment']).toMatchObject({ deviceId: 'dev-lead-1', token: 'secret-token-xyz', teamId: 'team-7' });
  });

  it('says the server refused the code (exit 3), in the lead’s language', async () => {
    const run = await langso(['--lang', 'en', 'enrol', '--server', base, '--code', 'WRONG-1', '--workspace', ws]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('HTTP 403');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 with a clear line when the server cannot be reached or does not speak the protocol', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await langso(['enrol', '--server', `http://127.0.0.1:${port}`, '--code', 'TCN-4821', '--workspace', ws]);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain('ECONNREFUSED');
    const garbage = await langso(['enrol', '--server', base, '--code', 'GARBAGE', '--workspace', ws]);
    expect(garbage.code).toBe(3);
  });

  it('exits 2 without a server to ask', async () => {
    const fresh = join(tmp.dir, 'fresh');
    expect((await langso(['init', '--team', 'T', '--commune', '32002', '--workspace', fresh])).code).toBe(0);
    const run = await langso(['enrol', '--code', 'TCN-4821', '--workspace', fresh]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--server');
  });
});
