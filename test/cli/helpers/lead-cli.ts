import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The lead key's passphrase the tests' `langso init` and sealed imports get. */
export const TEST_PASSPHRASE = 'mật khẩu tập huấn';

/** `node bin/langso.js …` from the repository root, as a lead would run it (no TTY, no colour). */
export function langso(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/langso.js', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', LANG: 'C', NO_COLOR: '1', LANGSO_PASSPHRASE: TEST_PASSPHRASE, ...env },
        maxBuffer: 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A scratch folder for one test file; `dispose` removes it. */
export function scratch(prefix: string): { readonly dir: string; file(name: string, content: string | Uint8Array): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `langso-${prefix}-`));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const HEADER = 'fullName,dateOfBirth,sex,cccd,phone,communeCode,hamlet';

/**
 * Synthetic residents (no real person): CCCDs consistent with birth province 096, sex and year;
 * communes of Cà Mau since 2025 (32002 Phường An Xuyên, 31942 Phường Giá Rai).
 */
export const PEOPLE = {
  an: 'Nguyễn Văn An,1985-03-12,nam,096085123456,0912345678,32002,Ấp Tân Hòa',
  binh: 'Trần Thị Bình,12/08/1990,nữ,096190654321,0987654321,32002,Ấp Tân Hòa',
  cuong: 'Lê Văn Cường,2005-01-20,male,096205111222,,32002,Ấp Tân Phong',
  dung: 'Phạm Thị Dung,2012-06-01,female,,,32002,Ấp Tân Phong',
  // Digit 5–6 say 1999 but she was born in 1989: CCCD_YEAR.
  em: 'Huỳnh Thị Em,1989-04-04,nữ,096199777888,0911222333,32002,Ấp Tân Hòa',
  // The same CCCD as An, typed by another volunteer under another name: a duplicate.
  anTwin: 'Nguyễn Văn Ân,1985-03-12,nam,096085123456,,31942,Khóm 1',
  // The same folded name, birth date and hamlet as Bình, with no CCCD: a possible duplicate.
  binhMaybe: 'TRẦN THỊ BÌNH,1990-08-12,female,,,32002,ấp tân hòa',
} as const;

export function csv(...rows: readonly string[]): string {
  return `${[HEADER, ...rows].join('\r\n')}\r\n`;
}

/** Reads the lead's database the way an auditor would: read-only, beside the running CLI. */
export function readDb<T>(workspace: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(workspace, 'langso.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function parseJson<T = Record<string, unknown>>(run: Run): T {
  return JSON.parse(run.stdout) as T;
}
