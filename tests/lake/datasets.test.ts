import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;

beforeAll(async () => {
  t = await startTestLake({ projectId: 'newsroom', defaultDataset: 'live' });
});

afterAll(() => t.close());

describe('datasets', () => {
  it('the default dataset exists from the start', async () => {
    expect(await t.anonymous.datasets.list()).toEqual([{ name: 'live', aclMode: 'public' }]);
    expect(await t.anonymous.fetch('count(*)')).toBe(0);
  });

  it('are created with PUT /projects/{id}/datasets/{name} and PUT /datasets/{name}, and listed', async () => {
    await t.administrator.datasets.create('staging');
    const response = await t.fetch('/v2025-02-19/datasets/archive', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.administrator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ aclMode: 'private' }),
    });
    expect(await response.json()).toEqual({ datasetName: 'archive', aclMode: 'private' });
    const listed = await (await t.fetch('/v2025-02-19/projects/newsroom/datasets')).json();
    expect(listed).toEqual([
      { name: 'archive', aclMode: 'private' },
      { name: 'live', aclMode: 'public' },
      { name: 'staging', aclMode: 'public' },
    ]);
  });

  it('keep their documents apart', async () => {
    const staging = t.client({ token: t.tokens.editor, dataset: 'staging' });
    await staging.create({ _id: 'only-in-staging', _type: 'note' });
    expect(await staging.fetch('count(*)')).toBe(1);
    expect(await t.editor.fetch('count(*)')).toBe(0);
  });

  it('a private dataset shows anonymous requests nothing', async () => {
    const archive = t.client({ token: t.tokens.editor, dataset: 'archive' });
    await archive.create({ _id: 'secret', _type: 'note' });
    expect(await archive.fetch('count(*)')).toBe(1);
    const anonymous = t.client({ dataset: 'archive' });
    expect(await anonymous.fetch('count(*)')).toBe(0);
    expect(await anonymous.request({ url: '/data/doc/archive/secret' })).toEqual({
      documents: [],
      omitted: [{ id: 'secret', reason: 'permission' }],
    });
  });

  it('an unknown dataset is a 404 for query, doc and mutate', async () => {
    const ghost = t.client({ token: t.tokens.editor, dataset: 'ghost' });
    expect((await rejection(ghost.fetch('*'))).statusCode).toBe(404);
    expect((await rejection(ghost.getDocument('x'))).statusCode).toBe(404);
    expect((await rejection(ghost.create({ _type: 'x' }))).statusCode).toBe(404);
  });

  it('rejects invalid dataset names and other projects', async () => {
    const bad = await t.fetch('/v2025-02-19/datasets/Bad_Name', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.administrator}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { description: string } }).error.description).toBe(
      'Dataset name "Bad_Name" is invalid',
    );
    expect((await t.fetch('/v2025-02-19/projects/other/datasets')).status).toBe(404);
  });
});
