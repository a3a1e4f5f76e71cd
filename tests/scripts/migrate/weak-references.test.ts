// Datasets written before the schema made a quote's story and a story's
// related stories weak references keep them strong, so a story anything
// points at cannot be unpublished or deleted. The migration makes them weak,
// drafts included, and the story can then be taken down.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { SanityClient } from '@sanity/client';
import { afterAll, describe, expect, it } from 'vitest';
import { startLake } from '../../../lake/index.ts';
import { migrateWeakReferences } from '../../../scripts/migrate/weak-references.ts';
import { lakeClient, rejection, startTestLake, tempDir } from '../../helpers/lake.ts';

const ref = (id: string, key?: string) => ({ ...(key ? { _key: key } : {}), _type: 'reference', _ref: id });

/** A story `target` that a story (published and draft) and a quote refer to strongly, as older datasets hold them. */
async function writeOldDataset(client: SanityClient): Promise<void> {
  await client.create({ _id: 'target', _type: 'story', headline: 'Taken down later' });
  await client
    .transaction()
    .create({ _id: 'lister', _type: 'story', headline: 'Lists it', related: [ref('target', 'k1')] })
    .create({ _id: 'drafts.lister', _type: 'story', headline: 'Lists it, edited', related: [ref('target', 'k1')] })
    .create({ _id: 'quote-1', _type: 'quote', text: 'We will see.', story: ref('target') })
    .commit();
}

describe('migrateWeakReferences', () => {
  it('makes the references weak, so the story they point at can be deleted; a second run finds nothing', async () => {
    const t = await startTestLake();
    try {
      await writeOldDataset(t.editor);
      const refused = await rejection(t.editor.delete('target'));
      expect(refused.statusCode).toBe(409);

      expect(await migrateWeakReferences(t.editor)).toEqual({ quotes: 1, stories: 2, references: 3, dangling: 0 });
      const raw = t.editor.withConfig({ perspective: 'raw' });
      expect(await raw.fetch('*[_id in ["lister", "drafts.lister"]].related[0]._weak')).toEqual([true, true]);
      expect(await raw.fetch('*[_id == "quote-1"][0].story')).toEqual({ ...ref('target'), _weak: true });

      await t.editor.delete('target');
      expect(await migrateWeakReferences(t.editor)).toEqual({ quotes: 0, stories: 0, references: 0, dangling: 0 });
    } finally {
      await t.close();
    }
  });
});

// Imports before 21fc625 stored strong references to documents neither the
// file nor the dataset had, and every later write of such a story was
// refused: the Studio's edits of it vanished.
describe('strong references to documents the dataset does not have', () => {
  it('are made weak, so the story can be edited again; references to documents it has stay strong', async () => {
    const t = await startTestLake();
    try {
      await t.editor.create({ _id: 'person-here', _type: 'person', name: 'Here' });
      t.lake.seed(t.lake.defaultDataset, [
        {
          _id: 'story-old',
          _type: 'story',
          headline: 'Imported long ago',
          bylines: [
            { _key: 'b1', person: ref('person-gone') },
            { _key: 'b2', person: ref('person-here') },
          ],
          heroPhoto: { asset: ref('image-gone') },
        },
      ]);
      const refused = await rejection(t.editor.patch('story-old').set({ headline: 'Edited' }).commit());
      expect(refused.statusCode).toBe(409);

      expect((await migrateWeakReferences(t.editor)).dangling).toBe(2);
      const story = await t.editor.withConfig({ perspective: 'raw' }).getDocument('story-old');
      expect(story?.bylines).toEqual([
        { _key: 'b1', person: { ...ref('person-gone'), _weak: true } },
        { _key: 'b2', person: ref('person-here') },
      ]);
      expect(story?.heroPhoto).toEqual({ asset: { ...ref('image-gone'), _weak: true } });
      await t.editor.patch('story-old').set({ headline: 'Edited' }).commit();
      expect((await migrateWeakReferences(t.editor)).dangling).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('npm run migrate:weak-references', () => {
  const dataDir = tempDir('migrate-weak-');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates an embedded lake that is not running, starting it for the command', async () => {
    const lake = await startLake({ dataDir });
    await writeOldDataset(lakeClient(lake, { token: lake.tokens.create({ name: 'setup', role: 'editor' }).token }));
    await lake.close();

    const run = spawnSync(process.execPath, ['scripts/migrate-weak-references.ts', '--data-dir', dataDir], {
      encoding: 'utf8',
      env: { ...process.env, SANITY_API_HOST: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(
      'Made 3 reference(s) weak: the story of 1 quote(s) and the related stories of 2 story(ies). ' +
        'Made 0 reference(s) to documents the dataset does not have weak.',
    );
    expect(run.status).toBe(0);

    const again = await startLake({ dataDir });
    try {
      const client = lakeClient(again, { token: again.tokens.create({ name: 'check', role: 'editor' }).token });
      await client.delete('target');
      // The command's own token is revoked once it is done.
      expect(again.tokens.list().map((token) => token.name)).not.toContain('migration');
    } finally {
      await again.close();
    }
  });

  it('names a content host that does not answer, and what to do, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/migrate-weak-references.ts'], {
      encoding: 'utf8',
      env: { ...process.env, SANITY_API_HOST: 'http://127.0.0.1:9', SANITY_TOKEN: 'sk-editor' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'Migration failed: The content lake at http://127.0.0.1:9 did not answer: fetch failed.\n' +
        'What to do: Check that the lake is running (npm start) or that SANITY_API_HOST and SANITY_TOKEN are right.\n',
    );
  });
});
