import type { Params } from '../i18n/index.ts';

/** The file-level failures the shared code cannot know about (codes of shared/i18n). */
export interface FileFailure {
  readonly ok: false;
  readonly code: 'FILE_NOT_FOUND' | 'FILE_UNREADABLE';
  readonly params: Params;
}
