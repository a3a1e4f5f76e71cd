// Streams documents to data.ndjson, buffering lines so 10k stories are a few
// large writes, and waiting for the stream to drain so memory stays flat.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface NdjsonWriter {
  write(document: object): Promise<void>;
  close(): Promise<void>;
  readonly count: number;
}

const FLUSH_AT = 1 << 20;

export function createNdjsonWriter(path: string): NdjsonWriter {
  const stream = createWriteStream(path);
  let buffer = '';
  let count = 0;
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(document) {
      buffer += `${JSON.stringify(document)}\n`;
      count++;
      if (buffer.length >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      stream.end();
      await once(stream, 'finish');
    },
    get count() {
      return count;
    },
  };
}
