import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../cli/hub/ca-site.ts';
import { x509 } from '../../../cli/hub/x509.ts';
import { COMMUNE, TEAM, writeTestPwa } from './hub-fixture.ts';
import { langso, startHubProcess, type HubProcess } from './hub-process.ts';

let dir: string;
let workspace: string;
let hub: HubProcess;
let hubUrl: URL;
let pageUrl: URL;
let code: string;
let caPem: string;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  readonly peer?: DetailedPeerCertificate;
  readonly authorized?: boolean;
}

/** node:https trusting the team CA only (as a phone does once it installed it). */
function httpsCall(path: string, options: { ca?: string; method?: string; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: hubUrl.hostname,
        port: hubUrl.port,
        path,
        method: options.method ?? 'GET',
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const socket = res.socket as TLSSocket;
        const peer = socket.getPeerCertificate(true);
        const authorized = socket.authorized;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), peer, authorized }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function plainGet(url: URL, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('langso hub --https (child process)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langso-hub-https-'));
    workspace = join(dir, 'workspace');
    expect((await langso(['--workspace', workspace, 'init', '--team', TEAM, '--commune', COMMUNE])).code).toBe(0);
    const { pwaDir } = writeTestPwa(dir);
    // The human banner this time: it ends with how to stop.
    hub = await startHubProcess(workspace, ['--host', '127.0.0.1', '--https', '--pwa', pwaDir, '--codes', '1'], /Ctrl\+C/);
    hubUrl = new URL(hub.lines[0] ?? '');
    const page = hub.lines.find((line) => /^\s+http:\/\/127\.0\.0\.1:\d+\/$/.test(line));
    pageUrl = new URL((page ?? '').trim());
    code = hub.lines.map((line) => /^\s+([0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(line)?.[1]).find((c) => c !== undefined) ?? '';
    caPem = readFileSync(join(workspace, 'hub-ca', 'ca.pem'), 'utf8');
  });

  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its HTTPS address, the certificate page with its fingerprint, a code, and how to stop', () => {
    expect(hub.lines[0]).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const fingerprint = fingerprintOf(new Uint8Array(new x509.X509Certificate(caPem).rawData));
    expect(hub.lines).toContain(`Certificate SHA-256 fingerprint: ${fingerprint}`);
    expect(hub.lines.at(-1)).toBe('Stop the hub: press Ctrl+C.');
  });

  it('serves over TLS a certificate that chains to the team CA and names the address', async () => {
    const answer = await httpsCall('/', { ca: caPem });
    expect(answer.status).toBe(200);
    expect(answer.authorized).toBe(true);
    expect(answer.peer?.subjectaltname).toContain('IP Address:127.0.0.1');
    expect(answer.peer?.issuer.CN).toBe(`Langso ${TEAM} local CA`);
    expect(answer.peer?.issuerCertificate?.fingerprint256).toBe(fingerprintOf(new Uint8Array(new x509.X509Certificate(caPem).rawData)));
    // Without the team CA, the hub is not trusted.
    await expect(httpsCall('/')).rejects.toThrow();
  });

  it('enrols a phone over HTTPS with the printed code', async () => {
    const answer = await httpsCall('/v1/devices', { ca: caPem, method: 'POST', body: JSON.stringify({ code }) });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ teamName: TEAM });
  });

  it('offers the CA on a plain-HTTP page with Vietnamese install steps, and nothing else there', async () => {
    const page = await plainGet(pageUrl, '/');
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).toContain('Cài đặt → Bảo mật → Mã hóa &amp; thông tin xác thực → Cài đặt chứng chỉ → Chứng chỉ CA');
    expect(html).toContain('Settings → Security → Encryption &amp; credentials → Install a certificate → CA certificate');
    expect(html).toContain(hubUrl.origin);

    const cert = await plainGet(pageUrl, '/langso-ca.crt');
    expect(cert.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(cert.body.equals(Buffer.from(new x509.X509Certificate(caPem).rawData))).toBe(true);

    for (const path of ['/sw.js', '/v1/catalog', '/manifest.webmanifest', '/ca-key.pem']) {
      expect((await plainGet(pageUrl, path)).status).toBe(404);
    }
    const onHttps = await httpsCall('/ca', { ca: caPem });
    expect(onHttps.body.toString()).toContain('Chứng chỉ CA');
  });

  it('stops on SIGTERM with exit 0', async () => {
    expect(await hub.stop()).toBe(0);
  });
});

describe('langso hub in a workspace without langso init', { timeout: 60_000 }, () => {
  it('exits 2 and tells the lead to run langso init first', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'langso-hub-noinit-'));
    try {
      const run = await langso(['--workspace', empty, 'hub']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('langso init');
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
