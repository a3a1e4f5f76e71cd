// A journalist writes a story in the Studio and publishes it: headline and
// dek, a paragraph and a pull quote with its speaker, an uploaded photo with
// caption, credit and alt text. The published story is what @sanity/client
// reads, and the next `npm run build` puts it on the site, credit included.
import { select } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../helpers/site-build.ts';
import {
  creditLinePreview,
  fillDek,
  fillHeadline,
  fillHeroPhotoCredit,
  fillHeroPhotoText,
  fillPublishedAt,
  insertPullQuote,
  pickReference,
  publish,
  typeParagraph,
  uploadHeroPhoto,
} from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';
import { createPath } from './support/studio-session.ts';
import { testPhoto } from './support/test-photo.ts';

const HEADLINE = 'Tehran Says Cyber Attacks on Its Oil Ministry Will Fail';
const SLUG = 'tehran-says-cyber-attacks-on-its-oil-ministry-will-fail';

describe('a journalist writes and publishes a story', () => {
  let studio: StudioHarness;
  let photo: string;
  beforeAll(async () => {
    [studio, photo] = await Promise.all([
      startStudioHarness(),
      testPhoto('oil-ministry.jpg', { width: 1200, height: 800, color: '#336699' }),
    ]);
  });
  afterAll(() => studio?.close());

  it('is readable through @sanity/client and on the site after the next build', async () => {
    const jane = studio.editor('Jane Writer');
    const session = await studio.open(jane, createPath('story'));
    const { page } = session;
    const id = await session.openDocument();

    await fillHeadline(page, HEADLINE);
    await fillDek(page, 'The ministry says the attacks will not be effective.');
    await pickReference(page, 'section', 'Tech', 'Technology');
    await uploadHeroPhoto(page, photo);
    await fillHeroPhotoText(page, { alt: 'Oil ministry building in Tehran', caption: 'The oil ministry in Tehran.' });
    await fillHeroPhotoCredit(page, { photographer: 'Ada Lens', agencies: ['AFP'] });
    await creditLinePreview(page).getByText('Printed as: Photographer: Ada Lens/AFP').waitFor();
    await typeParagraph(page, 'Iran said its oil ministry was hit by a computer virus.');
    await insertPullQuote(page, {
      text: 'Illegitimate regimes are producing viruses',
      speaker: 'Ramin Mehmanparast',
      role: 'the ministry’s spokesman',
    });
    await fillPublishedAt(page, '2026-04-30 09:00');
    await publish(page);

    const story = await studio.client().getDocument(id);
    expect(story).toMatchObject({
      _type: 'story',
      headline: HEADLINE,
      slug: { current: SLUG },
      dek: 'The ministry says the attacks will not be effective.',
      section: { _ref: 'section-technology' },
      heroPhoto: {
        _type: 'photo',
        asset: { _ref: expect.stringMatching(/^image-[a-f0-9]{40}-1200x800-jpg$/) },
        alt: 'Oil ministry building in Tehran',
        caption: 'The oil ministry in Tehran.',
        credit: { photographer: { name: 'Ada Lens' }, agencies: ['AFP'] },
      },
    });
    expect(story?.body).toEqual([
      expect.objectContaining({
        _type: 'block',
        children: [expect.objectContaining({ text: 'Iran said its oil ministry was hit by a computer virus.' })],
      }),
      expect.objectContaining({
        _type: 'pullQuote',
        text: 'Illegitimate regimes are producing viruses',
        speaker: expect.objectContaining({ name: 'Ramin Mehmanparast' }),
        speakerRole: 'the ministry’s spokesman',
      }),
    ]);
    // Publishing moved the draft into the published document: no draft is left behind.
    const drafts = await studio
      .client({ token: jane.token })
      .fetch('*[_id == $draft]._id', { draft: `drafts.${id}` }, { perspective: 'raw' });
    expect(drafts).toEqual([]);

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, `story/${SLUG}.html`);
    expect(textOf(select('h1', html) ?? html)).toBe(HEADLINE);
    const figure = select('figure.hero', html);
    expect(figure && textOf(select('.credit', figure) ?? figure)).toBe('Photographer: Ada Lens/AFP');
    expect(figure && textOf(select('.caption', figure) ?? figure)).toBe('The oil ministry in Tehran.');
    expect(select('figure.hero img', html)?.properties.alt).toBe('Oil ministry building in Tehran');
    expect(textOf(html)).toContain('Illegitimate regimes are producing viruses');
    expect(session.console.problems()).toEqual([]);
  });
});
