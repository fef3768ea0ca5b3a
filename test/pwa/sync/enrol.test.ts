import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../../../pwa/sync/enrol.ts';
import { parseServerUrl } from '../../../pwa/sync/server-url.ts';

let server: Server;
let url: string;
const bodies: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as { code: string };
      bodies.push(body);
      res.setHeader('content-type', 'application/json');
      if (body.code === 'GOOD-CODE') {
        res.writeHead(201).end(JSON.stringify({ deviceId: 'd1', token: 't1', teamId: 'team1', serverTime: '2026-03-01T08:00:00.000Z' }));
      } else if (body.code === 'ODD-ANSWER') {
        res.writeHead(201).end(JSON.stringify({ device: 'd1' }));
      } else {
        res.writeHead(403).end(JSON.stringify({ code: 'ENROL_CODE_INVALID', message: 'code used' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('enrolling a device', () => {
  it('sends the team code and keeps the answer', async () => {
    const result = await enrolDevice(fetch, url, { code: '  GOOD-CODE ', deviceName: 'Nguyễn Thử' });
    expect(result).toEqual({ kind: 'ok', value: { deviceId: 'd1', token: 't1', teamId: 'team1', serverTime: '2026-03-01T08:00:00.000Z' } });
    expect(bodies.at(-1)).toEqual({ code: 'GOOD-CODE', deviceName: 'Nguyễn Thử' });
  });

  it('reports a refused code with the server’s stable code', async () => {
    expect(await enrolDevice(fetch, url, { code: 'USED', deviceName: 'x' })).toEqual({ kind: 'refused', code: 'ENROL_CODE_INVALID', message: 'code used' });
  });

  it('does not trust an answer that breaks the protocol', async () => {
    expect((await enrolDevice(fetch, url, { code: 'ODD-ANSWER', deviceName: 'x' })).kind).toBe('bad-server');
  });

  it('says offline when nothing answers', async () => {
    expect(await enrolDevice(fetch, 'http://127.0.0.1:9', { code: 'GOOD-CODE', deviceName: 'x' })).toEqual({ kind: 'offline' });
  });
});

describe('server addresses', () => {
  it('takes what a volunteer types and makes an origin of it', () => {
    expect(parseServerUrl(' https://langso.example.vn/ ')).toBe('https://langso.example.vn');
    expect(parseServerUrl('hub.local:8443')).toBe('https://hub.local:8443');
    expect(parseServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('')).toBeUndefined();
    expect(parseServerUrl('ftp://x')).toBeUndefined();
  });
});
