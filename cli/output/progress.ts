export interface Progress {
  /** `done` items of `total` so far. Cheap to call for every item: it draws only on change. */
  update(done: number): void;
  /** Ends the progress display (clears the TTY line). */
  finish(): void;
}

export interface ProgressOptions {
  readonly label: string;
  readonly total: number;
  /** On a TTY one line is redrawn in place; elsewhere a plain line every 10 %. */
  readonly tty: boolean;
}

/** Progress of long work, always on stderr so stdout stays one clean document. */
export function createProgress(stream: NodeJS.WritableStream, options: ProgressOptions): Progress {
  const { label, total, tty } = options;
  const step = tty ? 1 : 10;
  // A log gets no "0 %" line: the first line says work is moving.
  let shown = tty ? -1 : 0;
  return {
    update(done) {
      if (total <= 0) return;
      const percent = Math.floor((Math.min(done, total) * 100) / total);
      const bucket = percent - (percent % step);
      if (bucket === shown) return;
      shown = bucket;
      const text = `${label} ${done}/${total} (${bucket} %)`;
      stream.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    },
    finish() {
      if (tty && shown >= 0) stream.write('\r\u001b[K');
    },
  };
}

export function isTty(stream: NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}
