import type { MessageCode } from './index.ts';

/** English messages; every code of the Vietnamese catalog must be here too. */
export const en: Record<MessageCode, string> = {
  FILE_NOT_FOUND: 'File {path} not found.',
  FILE_UNREADABLE: 'Cannot read file {path}: {reason}.',
  USAGE: 'Wrong usage: {reason}',
  INTERNAL: 'Unexpected error: {reason}. Stored data is unaffected.',
};
