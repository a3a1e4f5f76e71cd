// The people, quotes and links of a story, written in the Studio: a new
// colleague created from inside the byline field, a quote from the library
// tied to the words it quotes, a subhead, links to another story and to
// another site, a photo between paragraphs. The built page shows each as the
// Studio said it would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../helpers/site-build.ts';
import { insertBodyPhoto, linkWords, newBlock, quoteWords, setBlockStyle } from './support/body-editor.ts';
import { fillHeadline, fillPublishedAt, pickReference, publish, typeParagraph } from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';
import { createPath } from './support/studio-session.ts';
import { testPhoto } from './support/test-photo.ts';

const SEED_STORY = 'irans-mehmanparast-says-soft-war-cyber-attacks-to-fail';
/** What a document's footer says once it is published (stories say more: their badge). */
const PUBLISHED = /^Last published/;

describe('bylines, quotes and links in the Studio', () => {
  let studio: StudioHarness;
  let photo: string;
  beforeAll(async () => {
    [studio, photo] = await Promise.all([
      startStudioHarness(),
      testPhoto('pipeline.jpg', { width: 1000, height: 600, color: '#556b2f' }),
    ]);
  });
  afterAll(() => studio?.close());

  /** A new story with what publishing needs but a body; the cursor is in the body's first paragraph. */
  async function startStory(page: Page, headline: string, paragraph: string): Promise<void> {
    await fillHeadline(page, headline);
    await pickReference(page, 'section', 'Tech', 'Technology');
    await fillPublishedAt(page, '2026-04-30 09:00');
    await page.getByTestId('group-tab-story').click();
    await typeParagraph(page, paragraph);
  }

  it('creates a colleague from the byline field, and the page credits them as the Role field says', async () => {
    const session = await studio.open(studio.editor('Rhea Byline'), createPath('story'));
    const { page } = session;
    await session.openDocument();
    await startStory(page, 'Refinery Workers Strike Over Pay', 'Workers walked out at dawn.');
    await page.getByTestId('field-bylines').getByTestId('add-single-object-button').click();
    const byline = page.getByTestId('nested-object-dialog');
    // "Create" in the Person field opens a new person beside the story, already referenced from it.
    await byline.getByRole('button', { name: 'Create' }).click();
    const panes = page.getByTestId('document-pane');
    await panes.nth(1).locator('#name').fill('Nadia Newcomer');
    await panes.nth(1).getByTestId('field-slug').getByRole('button', { name: 'Generate' }).click();
    await panes.nth(1).locator('#title').fill('Energy correspondent');
    await publish(page, PUBLISHED, panes.nth(1));
    await byline.getByText('Nadia Newcomer').first().waitFor();
    // The Role field says how a role is printed; she is the story's writer.
    const role = byline.locator('[data-testid^="field-bylines"][data-testid$=".role"]');
    await role.getByText('Reporter and Writer are printed as "By Jane Doe"').waitFor();
    await role.locator('select').selectOption('Writer');
    await byline.getByRole('button', { name: 'Close dialog' }).click();
    await publish(page, undefined, panes.first());

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, 'story/refinery-workers-strike-over-pay.html');
    expect(textOf(select('p.byline', html) ?? html)).toBe('By Nadia Newcomer');
    expect(select('p.byline a', html)?.properties.href).toBe('/author/nadia-newcomer');
    expect(existsSync(join(build.outDir, 'author/nadia-newcomer.html'))).toBe(true);
    expect(session.console.problems()).toEqual([]);
  });

  it('lists quotes by speaker, and a story marks quoted words, with a subhead, links and a photo', async () => {
    const session = await studio.open(studio.editor('Quinn Quotes'), createPath('quote'));
    const { page } = session;
    await session.openDocument();
    await page.locator('#text').fill('nothing will change');
    await pickReference(page, 'speaker.person', 'Atta', 'Atta Kenare');
    await page.locator('#speakerRole').fill('a photographer who was there');
    await publish(page, PUBLISHED);
    // The library names the speaker, a person from People here, as it does a typed name.
    await session.goto('/structure/quote');
    await page
      .getByTestId('document-list-pane')
      .getByRole('link')
      .filter({ hasText: 'nothing will change' })
      .getByText('Atta Kenare')
      .waitFor();

    await session.create('story');
    await startStory(page, 'Vote Goes Ahead Despite Protests', 'Officials said nothing will change before the vote.');
    const option = await quoteWords(page, 'nothing will change', 'nothing');
    expect(option).toContain('Atta Kenare');
    await newBlock(page, 'Various Measures');
    await setBlockStyle(page, 'Subhead');
    await newBlock(page, 'Read the earlier story or the ministry site.');
    await linkWords(page, 'earlier story', `/story/${SEED_STORY}`);
    await linkWords(page, 'ministry site', 'https://www.mop.ir/');
    await insertBodyPhoto(page, {
      file: photo,
      alt: 'Protesters outside',
      caption: 'Outside the ministry.',
      agency: 'Reuters',
    });
    await publish(page);

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, 'story/vote-goes-ahead-despite-protests.html');
    const body = select('.story-body', html) ?? html;
    const quoted = select('q.quotation', body);
    expect(quoted && textOf(quoted)).toBe('nothing will change');
    expect(quoted?.properties.title).toBe('Atta Kenare, a photographer who was there');
    expect(textOf(select('h2', body) ?? body)).toBe('Various Measures');
    expect(textOf(select(`a[href="/story/${SEED_STORY}"]`, body) ?? body)).toBe('earlier story');
    expect(textOf(select('a[href="https://www.mop.ir/"]', body) ?? body)).toBe('ministry site');
    const figure = select('figure.photo', body);
    expect(figure && textOf(figure)).toBe('Outside the ministry. Source: Reuters');
    expect(select('figure.photo img', body)?.properties.alt).toBe('Protesters outside');
    expect(session.console.problems()).toEqual([]);
  });

  it('warns while linking to a story the site does not have, and not for one it has', async () => {
    const session = await studio.open(studio.editor('Lin Links'), createPath('story'));
    const { page } = session;
    await session.openDocument();
    await startStory(page, 'Talks Resume', 'See the earlier story and the follow-up.');
    await linkWords(page, 'earlier story', `/story/${SEED_STORY}`);
    await linkWords(page, 'follow-up', '/story/talks-resum');
    await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
    // Each item of the Validation list is a button named by the field's path and its message.
    const warnings = page.getByRole('button', { name: /No story has the address/ });
    await warnings
      .getByText(
        "No story has the address /story/talks-resum now. Unless a story was renamed from it (the site then links to its new address), readers would see these words without a link. Copy the address from the story's Slug field.",
      )
      .waitFor();
    expect(await warnings.count()).toBe(1);
    // A warning: the story can still be published.
    await page.getByTestId('action-publish').and(page.locator(':not([disabled])')).waitFor();
    expect(session.console.problems()).toEqual([]);
  });
});
