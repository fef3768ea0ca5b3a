/**
 * Handing a made file to the volunteer: a download through an `<a download>` on a Blob URL,
 * which every browser has; and the share sheet (Zalo, Bluetooth…) where the browser can share
 * files of this type — `navigator.canShare({files})` says so, per file.
 */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function shareableFile(blob: Blob, fileName: string): File | undefined {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function') return undefined;
  const file = new File([blob], fileName, { type: blob.type || 'application/octet-stream' });
  try {
    return navigator.canShare({ files: [file] }) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the share sheet; a volunteer closing it is not an error. */
export async function shareFile(file: File): Promise<void> {
  try {
    await navigator.share({ files: [file], title: file.name });
  } catch {
    // AbortError (closed by the volunteer) or NotAllowedError: the download link stays.
  }
}
