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

  it('an explicit aclMode changes an existing dataset, by PUT or by datasets.edit (PATCH)', async () => {
    const anonymous = t.client({ dataset: 'archive' });
    const put = await t.fetch('/v2025-02-19/datasets/archive', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.administrator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ aclMode: 'public' }),
    });
    expect(await put.json()).toEqual({ datasetName: 'archive', aclMode: 'public' });
    expect(await anonymous.fetch('count(*)')).toBe(1);
    await t.administrator.datasets.edit('archive', { aclMode: 'private' });
    expect(await anonymous.fetch('count(*)')).toBe(0);
    // Without aclMode, PUT on an existing dataset changes nothing, and says so.
    const again = await t.fetch('/v2025-02-19/datasets/archive', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.administrator}` },
    });
    expect(await again.json()).toEqual({ datasetName: 'archive', aclMode: 'private' });
    const ghost = await rejection(t.administrator.datasets.edit('ghost', { aclMode: 'public' }));
    expect(ghost.statusCode).toBe(404);
  });

  it.each([
    ['null', 'must be a JSON object, got null'],
    ['[1]', 'must be a JSON object, got an array'],
    ['{"aclMode":5}', 'aclMode of dataset "odd" must be "public" or "private", got 5'],
  ])('a dataset body of %s is a 400 naming the dataset', async (body, message) => {
    const response = await t.fetch('/v2025-02-19/datasets/odd', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.tokens.administrator}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { description: string } }).error.description).toContain(message);
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
