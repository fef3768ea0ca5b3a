import type { Failure } from '../../shared/domain/result.ts';

/** The file-level failures the shared code cannot know about (codes of shared/i18n). */
export type FileFailure = Failure<'FILE_NOT_FOUND' | 'FILE_UNREADABLE'>;
