import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../program/user-error.ts';

/** Owner-only: a workspace holds residents' personal data (docs/DOMAIN.md, docs/ARCHITECTURE.md). */
export const WORKSPACE_DIR_MODE = 0o700;
export const WORKSPACE_FILE_MODE = 0o600;

export interface WorkspaceSources {
  /** The global `--workspace` flag. */
  readonly flag?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** The user's home folder (injected in tests). */
  readonly home?: string;
}

/** `--workspace` wins, then `LANGSO_HOME`, then `~/.langso` (docs/ARCHITECTURE.md). */
export function resolveWorkspaceDir(sources: WorkspaceSources): string {
  const chosen = nonEmpty(sources.flag) ?? nonEmpty(sources.env['LANGSO_HOME']);
  return resolve(chosen ?? join(sources.home ?? homedir(), '.langso'));
}

/** Creates the workspace folder if needed and keeps it owner-only; returns its path. */
export function ensureWorkspace(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true, mode: WORKSPACE_DIR_MODE });
    chmodSync(dir, WORKSPACE_DIR_MODE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError('WORKSPACE_UNUSABLE', { path: dir, reason }, undefined, { cause: error });
  }
  return dir;
}

/** A file inside the workspace, creating the folder on the way. */
export function workspaceFile(sources: WorkspaceSources, name: string): string {
  return join(ensureWorkspace(resolveWorkspaceDir(sources)), name);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
