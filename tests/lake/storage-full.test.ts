// A lake whose storage fills up (here its size cap, maxDatabaseBytes: SQLite
// answers both it and a full disk with SQLITE_FULL) refuses writes with a
// 507 that says what to do, logs one line without a stack, keeps answering
// reads, and loses nothing it acknowledged: after a restart with room, every
// acknowledged document is there and writes work again.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Lake, startLake } from '../../lake/index.ts';
import { lakeClient, rejection, tempDir } from '../helpers/lake.ts';

const dataDir = tempDir('lake-full-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function open(maxDatabaseBytes: number | undefined, logged: { message: string; error: unknown }[]) {
  const lake = await startLake({
    dataDir,
    maxDatabaseBytes,
    onError: (message, error) => logged.push({ message, error }),
  });
  const { token } = lake.tokens.create({ name: `editor-${Date.now()}`, role: 'editor' });
  return { lake, editor: lakeClient(lake, { token, maxRetries: 0 }) };
}

const page = (n: number) => ({ _id: `note-${n}`, _type: 'note', n, text: `${n} `.repeat(20_000) });

describe('a full lake', () => {
  let lake: Lake | undefined;
  /** The documents the lake acknowledged before it was full, in order. */
  const acknowledged: string[] = [];
  afterAll(() => lake?.close());

  it('answers writes past its storage with a 507, and reads as before', async () => {
    const logged: { message: string; error: unknown }[] = [];
    const opened = await open(2 * 1024 * 1024, logged);
    lake = opened.lake;
    try {
      let refused: Awaited<ReturnType<typeof rejection>> | undefined;
      for (let n = 0; n < 100 && !refused; n++) {
        const write = opened.editor.create(page(n));
        const stored = await write.then(
          () => true,
          () => false,
        );
        if (stored) acknowledged.push(`note-${n}`);
        else refused = await rejection(write);
      }
      expect(acknowledged.length).toBeGreaterThan(2);
      expect(refused?.statusCode).toBe(507);
      const error = refused?.body.error as { type: string; description: string; hint: string };
      expect(error.type).toBe('insufficientStorage');
      expect(error.description).toBe("The lake's storage is full, so nothing of this request was stored");
      expect(error.hint).toMatch(/^Free space on the disk/);
      // One line for the operator, naming the request; no stack, as it is not a bug.
      expect(logged).toEqual([
        {
          message: expect.stringMatching(
            /^lake: POST \/v[\d-]+\/data\/mutate\/production refused: the lake's storage is full/,
          ),
          error: undefined,
        },
      ]);
      // The refused document is not half there; the others are all readable.
      const ids = await opened.editor.fetch<string[]>('*[_type == "note"] | order(n) ._id');
      expect(ids).toEqual(acknowledged);
    } finally {
      // The next test opens the same directory, with room.
      await lake.close();
      lake = undefined;
    }
  });

  it('keeps everything it acknowledged, and takes writes again once it has room', async () => {
    const opened = await open(undefined, []);
    lake = opened.lake;
    const ids = () => opened.editor.fetch<string[]>('*[_type == "note"] | order(n) ._id');
    expect(acknowledged.length).toBeGreaterThan(2);
    expect(await ids()).toEqual(acknowledged);
    await opened.editor.create(page(acknowledged.length));
    expect(await ids()).toEqual([...acknowledged, `note-${acknowledged.length}`]);
  });
});
