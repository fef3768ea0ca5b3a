import type { viBatch } from './vi-batch.ts';

/** English for vi-batch.ts; typed to require every one of its keys. */
export const enBatch: Record<keyof typeof viBatch, string> = {
  batchTitle: 'Send as a file (no network needed)',
  batchIntro:
    'No network? Export the waiting records as one sealed file and send it to your team lead by Zalo, Bluetooth or USB. A lost file leaks nothing. The records stay in the queue until a receipt comes back.',
  batchExport: 'Export batch file',
  batchExporting: 'Sealing the batch file…',
  batchDone: 'Exported {records} records and {photos} photos ({size}). The records stay in the queue until a receipt comes back.',
  batchDownload: 'Download the file',
  batchShare: 'Share the file (Zalo, Bluetooth…)',
  batchLast: 'Last export: {at}, {records} records.',
  batchFailed: 'Could not export. {reason} The records are safe on this phone.',
  batchNoTeam: 'This phone has not joined a team, so it has no team lead key to seal a file with. Join a team in Settings.',
  batchNoLeadKeys:
    'Cannot seal yet: the team server has not sent the team lead’s key (an older server, or the lead has not made keys with “langso init”). Sync when there is signal to receive it.',
  batchNoDeviceKey:
    'Cannot seal yet: this phone joined its team with an older version and has no signing key of its own. Join the team again in Settings when there is signal.',
  batchTraining: 'Training mode: this phone has no training key from a team lead, so it cannot seal a file. The practice data stays on the phone.',
  leadKeyTitle: 'Team lead’s key',
  leadKeyFingerprint: 'Key fingerprint: {fingerprint} — compare it with the one “langso init” printed on the lead’s laptop.',
  leadKeyNone: 'No team lead key received yet.',

  receiptFileTitle: 'Receipts from the team lead',
  receiptsImport: 'Import receipts',
  receiptsImportHint: 'Choose the receipt file your team lead sent back (the .json file made by “langso receipts export”).',
  receiptsImporting: 'Checking the team lead’s signature…',
  receiptsDone: 'Valid receipts: {cleared} records left the queue, {held} were held back, {known} receipts were already known.',
  receiptsRefused: 'Receipt file refused. {reason} ({code})',

  photoPurged: 'Photo sent and deleted from this phone.',
  photoSizeTitle: 'Size of document photos',
  photoSize1024: 'Normal: 1024 pixels on the long edge (sharp, at most 200 KB)',
  photoSize640: 'Slow link: 640 pixels on the long edge (lighter, at most 100 KB)',

};
