import type { viDrafts } from './vi-drafts.ts';

export const enDrafts: Record<keyof typeof viDrafts, string> = {
  draftRestored: 'Reopened the draft saved at {time}.',
  draftDiscard: 'Drop the draft and start again',
  draftsTitle: 'Unfinished',
  draftContinue: 'Continue',
  draftSavedAt: 'draft saved {time}',
  draftUntitled: '(no name yet)',
  draftKind_household: 'New household',
  draftKind_resident: 'Member',
  draftKind_eid: 'E-ID registration',
  draftKind_dossier: 'Procedure dossier',
  draftKindEdit: 'Edit',
  leaveTitle: 'Leave this form?',
  leaveBody: 'What was typed is not saved as a record yet. The draft stays on the phone: open it again from the household page to carry on.',
  leaveStay: 'Stay and carry on',
  leaveGo: 'Leave, keep the draft',
};
