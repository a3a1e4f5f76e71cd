// The Studio's validation rules, run by Sanity's own validator over the real
// schema (what the Studio shows in the document's validation panel and what
// blocks Publish), with a client on a real lake for the rules that ask it.
import { createSchema, validateDocument } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaTypes } from '../../schemas/index.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

type Marker = { level: string; message: string; path: (string | { _key: string })[] };

let lake: TestLake;
beforeAll(async () => {
  lake = await startTestLake();
});
afterAll(() => lake?.close());

const schema = createSchema({ name: 'default', types: schemaTypes });

async function markers(document: Record<string, unknown>): Promise<Marker[]> {
  const result = await validateDocument({
    document: document as never,
    workspace: { schema, getClient: () => lake.editor } as never,
    getDocumentExists: async () => true,
    environment: 'studio',
  });
  return result as Marker[];
}

const at = (list: Marker[], path: string) =>
  list.filter((m) => m.path.map((p) => (typeof p === 'string' ? p : p._key)).join('.') === path);

const credit = { _type: 'photoCredit', photographer: { _type: 'contributor', name: 'Atta Kenare' }, agencies: ['AFP'] };
const photo = (fields: Record<string, unknown>) => ({
  _type: 'photo',
  asset: { _type: 'reference', _ref: 'image-abc-10x10-jpg' },
  ...fields,
});
const story = (fields: Record<string, unknown>) => ({
  _id: 'drafts.story-v',
  _type: 'story',
  headline: 'Refinery fire contained',
  slug: { _type: 'slug', current: 'refinery-fire-contained-validation' },
  section: { _type: 'reference', _ref: 'section-world' },
  publishedAt: '2026-11-28T08:00:00Z',
  ...fields,
});

describe('Studio validation', () => {
  it('stops a photo without alt text, and accepts it once described', async () => {
    const missing = await markers(story({ heroPhoto: photo({ credit }) }));
    expect(at(missing, 'heroPhoto.alt')).toEqual([
      expect.objectContaining({ level: 'error', message: 'Describe the photo for readers who cannot see it.' }),
    ]);
    const described = await markers(story({ heroPhoto: photo({ credit, alt: 'A burning refinery tower at night' }) }));
    expect(at(described, 'heroPhoto.alt')).toEqual([]);
    expect(at(described, 'heroPhoto.credit')).toEqual([]);
  });

  it('stops a photo without a credit', async () => {
    const list = await markers(story({ heroPhoto: photo({ alt: 'A refinery' }) }));
    expect(at(list, 'heroPhoto.credit')).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  it('warns, without blocking, about a headline over 110 characters', async () => {
    const long = 'A'.repeat(111);
    const list = await markers(story({ headline: long }));
    expect(at(list, 'headline')).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('over 110 characters') }),
    ]);
    expect(at(await markers(story({ headline: 'A'.repeat(110) })), 'headline')).toEqual([]);
  });

  // Imported stories keep the offset they were written with (scripts/convert/README.md);
  // the Studio writes UTC. The rule compares the instants, not the texts.
  it.each([
    ['an hour after publication, written in UTC', '2026-11-28T09:00:00+02:00', '2026-11-28T08:00:00.000Z', 0],
    ['an hour before publication, written with an offset', '2026-11-28T08:00:00Z', '2026-11-28T08:00:00+01:00', 1],
    ['the publication time itself, written another way', '2026-11-28T08:00:00Z', '2026-11-28T10:00:00+02:00', 1],
  ])('judges a take-down time %s by its instant', async (_case, publishedAt, unpublishAt, errors) => {
    const list = await markers(story({ publishedAt, unpublishAt }));
    expect(at(list, 'unpublishAt')).toHaveLength(errors);
  });

  it('requires a speaker on every quote', async () => {
    const list = await markers({ _id: 'drafts.q', _type: 'quote', text: 'We will rebuild.' });
    expect(at(list, 'speaker')).toEqual([
      expect.objectContaining({ level: 'error', message: 'Every quote needs a speaker.' }),
    ]);
    const spoken = await markers({
      _id: 'drafts.q',
      _type: 'quote',
      text: 'We will rebuild.',
      speaker: { _type: 'contributor', name: 'Ramin Mehmanparast' },
    });
    expect(at(spoken, 'speaker')).toEqual([]);
  });

  it.each([
    ['a number with spaces', '+1 212 318 2000', 1],
    ['a number without the country code', '2123182000', 1],
    ['an E.164 number', '+12123182000', 0],
  ])('checks support numbers are E.164: %s', async (_name, phone, errors) => {
    const list = await markers({
      _id: 'siteSettings',
      _type: 'siteSettings',
      siteName: 'The Newsroom',
      supportNumbers: [{ _type: 'supportNumber', _key: 'n1', region: 'Americas', phone }],
    });
    expect(at(list, 'supportNumbers.n1.phone').filter((m) => m.level === 'error')).toHaveLength(errors);
  });

  it.each([
    ['Persian', 'fa', 0],
    ['Chinese, simplified', 'zh-Hans', 0],
    ['Brazilian Portuguese', 'pt-BR', 0],
    ['a language name', 'Persian', 1],
    ['an underscore', 'zh_CN', 1],
  ])('takes a story language as a BCP 47 tag: %s', async (_name, language, errors) => {
    const list = await markers(story({ language }));
    expect(at(list, 'language').filter((m) => m.level === 'error')).toHaveLength(errors);
  });

  it.each([
    ['Persian', 'fa', 0],
    ['a language name', 'Persian', 1],
  ])("takes a quote's language as a BCP 47 tag, in the library and in a body: %s", async (_name, language, errors) => {
    const speaker = { _type: 'contributor', name: 'Ramin Mehmanparast' };
    const quote = await markers({ _id: 'drafts.q', _type: 'quote', text: 'جنگ نرم', speaker, language });
    expect(at(quote, 'language').filter((m) => m.level === 'error')).toHaveLength(errors);
    const pulled = { _type: 'pullQuote', _key: 'pq', text: 'جنگ نرم', speaker, language };
    const body = await markers(story({ body: [pulled] }));
    expect(at(body, 'body.pq.language').filter((m) => m.level === 'error')).toHaveLength(errors);
  });
});
