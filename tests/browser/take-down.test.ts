// Taking a story down when other documents point at it: a story listed under
// another as related, or named as where a quote first appeared, is unpublished
// and deleted with the Studio's own actions, and what pointed at it can still
// be edited and published. Then the take-down time: the badge, and the rule
// that it comes after the publication time, in the form.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDocument, errorToasts, unpublish } from './support/document-actions.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import { addRelatedStory, fillDek, fillUnpublishAt, pickReference, publish } from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';

const HOUR = 3_600_000;
/** A quote has no status badge: the footer's publish status says it. */
const QUOTE_PUBLISHED = /^Last published (just now|\d+ sec\. ago)$/;

describe('taking a story down in the Studio', () => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudioHarness();
  });
  afterAll(() => studio?.close());

  describe('when other documents point at it', () => {
    it('unpublishes and deletes a related story, and the story listing it still publishes', async () => {
      const editor = studio.editor('Rae Related');
      const client = studio.client({ token: editor.token });
      const listed = await seedPublishedStory(client, 'Strait Closed');
      const listing = await seedPublishedStory(client, 'Oil Prices Jump');
      const session = await studio.open(editor, `/intent/edit/id=${listing.id};type=story/`);
      const { page } = session;
      await session.openDocument();
      await addRelatedStory(page, 'Strait', listed.headline);
      await publish(page);
      expect((await client.getDocument(listing.id))?.related).toEqual([
        { _type: 'reference', _key: expect.any(String), _ref: listed.id, _weak: true },
      ]);

      await session.edit(listed.id, 'story');
      await unpublish(page);
      expect(await client.getDocument(listed.id)).toBeUndefined();
      expect(await errorToasts(page)).toEqual([]);
      await deleteDocument(page);
      expect(await client.getDocument(`drafts.${listed.id}`)).toBeUndefined();
      expect(await errorToasts(page)).toEqual([]);

      // The related item stays, and Sanity shows it as "Document unavailable"
      // with a tooltip saying the document may have been deleted (its id). It is
      // not a validation error: the editor changes the story and publishes it.
      await session.edit(listing.id, 'story');
      await fillDek(page, 'Prices rose again after the strait closed.');
      await publish(page);
      const published = await client.getDocument(listing.id);
      expect(published?.dek).toBe('Prices rose again after the strait closed.');
      expect(published?.related).toEqual([expect.objectContaining({ _ref: listed.id, _weak: true })]);
      expect(session.console.problems()).toEqual([]);
    });

    it('unpublishes and deletes the story a quote first appeared in, and the quote still publishes', async () => {
      const editor = studio.editor('Quinn Quotes');
      const client = studio.client({ token: editor.token });
      const story = await seedPublishedStory(client, 'Ministry Statement');
      const quote = await client.create({
        _id: 'quote-ministry-statement',
        _type: 'quote',
        text: 'We will not comment on rumours.',
        speaker: { _type: 'contributor', name: 'A ministry spokesman' },
      });
      // Reached from the desk, as an editor finds it.
      const session = await studio.open(editor, '/');
      const { page } = session;
      await page.getByTestId('pane-item-Quotes').click();
      await page.getByText(quote.text).click();
      await session.openDocument();
      await pickReference(page, 'story', 'Ministry', story.headline);
      await publish(page, QUOTE_PUBLISHED);
      expect((await client.getDocument(quote._id))?.story).toEqual({
        _type: 'reference',
        _ref: story.id,
        _weak: true,
      });

      await session.edit(story.id, 'story');
      await unpublish(page);
      expect(await errorToasts(page)).toEqual([]);
      await deleteDocument(page);
      expect(await client.getDocument(`drafts.${story.id}`)).toBeUndefined();
      expect(await errorToasts(page)).toEqual([]);

      // The field shows the missing story its own way (see above); the quote is edited and published.
      await session.edit(quote._id, 'quote');
      await page.locator('#speakerRole').fill('the ministry’s spokesman');
      await publish(page, QUOTE_PUBLISHED);
      const published = await client.getDocument(quote._id);
      expect(published?.speakerRole).toBe('the ministry’s spokesman');
      expect(published?.story).toMatchObject({ _ref: story.id, _weak: true });
      expect(session.console.problems()).toEqual([]);
    });
  });

  describe('at its take-down time', () => {
    it('says Taken down once the take-down time has passed, and On the site before', async () => {
      const editor = studio.editor('Tam Takedown');
      const client = studio.client({ token: editor.token });
      const past = await seedPublishedStory(client, 'Recalled Report');
      await client
        .patch(past.id)
        .set({ unpublishAt: new Date(Date.now() - HOUR).toISOString() })
        .commit();
      const session = await studio.open(editor, `/intent/edit/id=${past.id};type=story/`);
      const { page } = session;
      await session.openDocument();
      await page.getByTestId('pane-footer').getByText('Taken down', { exact: true }).waitFor();

      // A take-down time ahead, set in the form: the story stays on the site until then.
      const ahead = await seedPublishedStory(client, 'Temporary Notice');
      await session.edit(ahead.id, 'story');
      await fillUnpublishAt(page, await inputTime(page, new Date(Date.now() + 24 * HOUR)));
      await publish(page);
      expect(await page.getByTestId('pane-footer').getByText('Taken down').count()).toBe(0);

      // And one an hour ago: on publishing, the badge says the story is off the site.
      await fillUnpublishAt(page, await inputTime(page, new Date(Date.now() - HOUR)));
      await publish(page, /^Taken down$/);
      expect(session.console.problems()).toEqual([]);
    });

    it('says Taken down when the take-down time passes while the story is open', async () => {
      const editor = studio.editor('Tia Timer');
      const client = studio.client({ token: editor.token });
      const story = await seedPublishedStory(client, 'Expiring Offer');
      const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
      const { page } = session;
      await session.openDocument();
      // The time is set once the story is open: set before, it ran out while
      // the Studio was still starting on a slow CI machine (over 20 s there).
      const downAt = Date.now() + 20_000;
      await client
        .patch(story.id)
        .set({ unpublishAt: new Date(downAt).toISOString() })
        .commit();
      const footer = page.getByTestId('pane-footer');
      await footer.getByText('On the site', { exact: true }).waitFor();
      // The editor only watches: nothing in the document changes when the time comes.
      await footer.getByText('Taken down', { exact: true }).waitFor({ timeout: downAt - Date.now() + 10_000 });
      expect(session.console.problems()).toEqual([]);
    });

    // A story imported with its own offset, and an editor in another time zone:
    // the times are compared as instants. Each "an hour before" reads later than
    // the publication time as text, or each "an hour after" earlier.
    describe.each([
      { offset: '-05:00', publishedAt: '2026-04-01T09:00:00-05:00' },
      { offset: '+02:00', publishedAt: '2026-04-01T09:00:00+02:00' },
    ])('with the publication time written at $offset', ({ offset, publishedAt }) => {
      it('refuses a take-down an hour before publication, and accepts one an hour after', async () => {
        const editor = studio.editor(`Ola Offset ${offset}`);
        const client = studio.client({ token: editor.token });
        const story = await seedPublishedStory(client, `Imported Story ${offset}`);
        await client.patch(story.id).set({ publishedAt }).commit();
        const session = await studio.open(editor, `/intent/edit/id=${story.id};type=story/`);
        const { page } = session;
        await session.openDocument();
        const published = Date.parse(publishedAt);

        await fillUnpublishAt(page, await inputTime(page, new Date(published - HOUR)));
        await page.getByTestId('document-pane').getByRole('button', { name: 'Validation' }).click();
        const problem = page.getByRole('button', { name: /^Take down at/ });
        await problem.getByText('Take the story down after it is published.').waitFor();
        const publishButton = page.getByTestId('action-publish');
        await publishButton.and(page.locator('[disabled]')).waitFor();

        await fillUnpublishAt(page, await inputTime(page, new Date(published + HOUR)));
        await problem.waitFor({ state: 'detached' });
        // Both times are months ago, so once published the story is off the site.
        await publish(page, /^Taken down$/);
        expect(Date.parse((await client.getDocument(story.id))?.unpublishAt)).toBe(published + HOUR);
        expect(session.console.problems()).toEqual([]);
      });
    });
  });
});

/** `at` as the Studio's date-time input takes it: "2026-05-01 09:00" in the browser's time zone. */
function inputTime(page: Page, at: Date): Promise<string> {
  return page.evaluate((ms) => {
    const d = new Date(ms);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  }, at.getTime());
}
