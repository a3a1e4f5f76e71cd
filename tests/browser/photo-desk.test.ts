// The photo desk's everyday work on a story's hero photo in the Studio: a new
// photo uploaded, cropped and given a hotspot, credited to a photographer from
// People and two agencies with a rights note; an uploaded photo saved back to
// disk from the image's menu; and the Photos desk, which lists every credit a
// photo is printed or about to be printed under. The built pages print the
// credit as the newsroom writes it and cut their image files as the editor chose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage, tempDir } from '../helpers/site-build.ts';
import { cropAndHotspot } from './support/photo-tool.ts';
import { seedPublishedStory } from './support/seed-story.ts';
import {
  creditLinePreview,
  fillHeadline,
  fillHeroPhotoCredit,
  fillHeroPhotoText,
  fillPublishedAt,
  pickReference,
  publish,
  typeParagraph,
  uploadHeroPhoto,
} from './support/story-form.ts';
import { type StudioHarness, startStudioHarness } from './support/studio-harness.ts';
import { createPath } from './support/studio-session.ts';
import { testPhoto } from './support/test-photo.ts';

const RED = { r: 220, g: 30, b: 30 };
const MAGENTA = { r: 220, g: 30, b: 220 };
const GREEN = { r: 30, g: 180, b: 60 };

/**
 * A 1600×1000 JPEG whose parts tell the crop and hotspot apart: the left
 * quarter red (the editor crops it off), a magenta band across the top 180
 * rows of the rest (a 3:2 card cut around a hotspot near the bottom leaves it
 * out; one cut around the centre keeps it), green elsewhere.
 */
async function bandedPhoto(name: string): Promise<string> {
  const path = join(tempDir('newsroom-photo-'), name);
  const rgb = (c: Colour) => ({ ...c, alpha: 1 });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: rgb(GREEN) } })
    .composite([
      { input: { create: { width: 400, height: 1000, channels: 3, background: rgb(RED) } }, left: 0, top: 0 },
      { input: { create: { width: 1200, height: 180, channels: 3, background: rgb(MAGENTA) } }, left: 400, top: 0 },
    ])
    .jpeg({ quality: 95 })
    .toFile(path);
  return path;
}

describe('the photo desk in the Studio', () => {
  let studio: StudioHarness;
  let photo: string;
  beforeAll(async () => {
    [studio, photo] = await Promise.all([startStudioHarness(), bandedPhoto('oil-field.jpg')]);
  });
  afterAll(() => studio?.close());

  it('publishes a cropped photo with its hotspot and full credit, and the site cuts it as the editor chose', async () => {
    const editor = studio.editor('Pia Photodesk');
    const session = await studio.open(editor, createPath('story'));
    const { page } = session;
    const id = await session.openDocument();
    await fillHeadline(page, 'Oil Field Fire Burns for a Third Day');
    await pickReference(page, 'section', 'Tech', 'Technology');
    await typeParagraph(page, 'Firefighters have not yet reached the well.');
    await uploadHeroPhoto(page, photo);
    await cropAndHotspot(page, page.getByTestId('image-input'), { cropLeft: 0.25, hotspotAt: { x: 0.5, y: 0.85 } });
    await fillHeroPhotoText(page, { alt: 'Smoke over an oil well', caption: 'The burning well, seen from the road.' });
    await fillHeroPhotoCredit(page, {
      photographerPerson: 'Atta Kenare',
      agencies: ['AFP', 'Getty Images'],
      rightsNote: 'Editorial use only',
    });
    await creditLinePreview(page).getByText('Printed as: Photographer: Atta Kenare/AFP/Getty Images').waitFor();
    await fillPublishedAt(page, '2026-04-30 09:00');
    await publish(page);

    const story = await studio.client().getDocument(id);
    expect(story?.heroPhoto).toMatchObject({
      credit: {
        photographer: { person: { _ref: 'person-atta-kenare' } },
        agencies: ['AFP', 'Getty Images'],
        rightsNote: 'Editorial use only',
      },
    });
    expect(story?.heroPhoto.crop.left).toBeCloseTo(0.25, 1);
    expect(story?.heroPhoto.hotspot.y).toBeGreaterThan(0.6);

    const build = await studio.build();
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, 'story/oil-field-fire-burns-for-a-third-day.html');
    const figure = select('figure.hero', html);
    expect(figure && textOf(select('.caption', figure) ?? figure)).toBe('The burning well, seen from the road.');
    expect(figure && textOf(select('.credit', figure) ?? figure)).toBe('Photographer: Atta Kenare/AFP/Getty Images');
    expect(textOf(html)).not.toContain('Editorial use only');
    // The hero shows the cropped photo whole: about 1200×1000 (as the mouse cut it), none of the red quarter.
    const hero = select('figure.hero img', html) as Element;
    expect(hero.properties.height).toBe(1000);
    expect(Math.abs(Number(hero.properties.width) - 1200)).toBeLessThan(16);
    const heroFile = await pixels(build.outDir, String(hero.properties.src));
    expectColour(heroFile.at(0, 500), GREEN, "the hero's left edge");
    // The section page's 3:2 card is cut around the hotspot, near the bottom: no magenta band at its top.
    const card = cardImage(readPage(build.outDir, 'section/technology.html'), story?.heroPhoto.asset._ref);
    const cardFile = await pixels(build.outDir, card);
    expect(cardFile.width / cardFile.height).toBeCloseTo(1.5, 1);
    expectColour(cardFile.at(cardFile.width / 2, 1), GREEN, "the card's top edge");
    expectColour(cardFile.at(1, cardFile.height / 2), GREEN, "the card's left edge");
    expect(session.console.problems()).toEqual([]);
  });

  it('saves an uploaded photo from the image menu under its file name, not opening it in a tab', async () => {
    const editor = studio.editor('Dov Download');
    const session = await studio.open(editor, createPath('story'));
    const { page } = session;
    await session.openDocument();
    await uploadHeroPhoto(page, photo);
    await page.getByTestId('image-input').getByTestId('options-menu-button').click();
    // "Download" links to the photo with ?dl=<file name> in a new tab, which saves it when the answer says so.
    // Chromium reports the download on the tab it opened, or on the Studio's page: wait on both.
    const inTab = page
      .context()
      .waitForEvent('page')
      .then((tab) => tab.waitForEvent('download', { timeout: 15_000 }));
    const downloads = Promise.race([inTab, page.waitForEvent('download', { timeout: 15_000 })]);
    await page.getByRole('menuitem', { name: 'Download' }).click();
    const download = await downloads.catch(() => {
      throw new Error('Download opened the photo in a tab instead of saving it');
    });
    expect(download.suggestedFilename()).toBe('oil-field.jpg');
    expect(readFileSync(await download.path()).equals(readFileSync(photo))).toBe(true);
    expect(session.console.problems()).toEqual([]);
  });
  it('keeps the credit readers see on the Photos desk while a draft changes it', async () => {
    const editor = studio.editor('Fay Photodesk');
    const client = studio.client({ token: editor.token });
    const tanker = await testPhoto('tanker.jpg', { width: 900, height: 600, color: '#334455' });
    const asset = await client.assets.upload('image', readFileSync(tanker), { filename: 'tanker.jpg' });
    const heroPhoto = (agency: string) => ({
      _type: 'photo',
      asset: { _type: 'reference', _ref: asset._id },
      alt: 'A tanker at anchor',
      credit: { _type: 'photoCredit', agencies: [agency] },
    });
    const story = await seedPublishedStory(client, 'Tanker Seized');
    await client
      .patch(story.id)
      .set({ heroPhoto: heroPhoto('Reuters') })
      .commit();
    // A colleague's unpublished edit credits the photo to another agency; the site still prints Reuters.
    const published = await client.getDocument(story.id);
    if (!published) throw new Error(`${story.id} was not published`);
    await client.create({ ...published, _id: `drafts.${story.id}`, heroPhoto: heroPhoto('AFP') });

    const session = await studio.open(editor, '/structure/photos');
    const row = session.page.getByTestId('photo-row').filter({ hasText: 'tanker.jpg' });
    await row.getByTestId('photo-credit').getByText('Source: Reuters · Source: AFP').waitFor();
    await row.getByRole('link', { name: 'Tanker Seized (published)' }).waitFor();
    await row.getByRole('link', { name: 'Tanker Seized (draft)' }).waitFor();
    await row.getByText('Credited differently in different places').waitFor();
    expect(session.console.problems()).toEqual([]);
  });
  it('takes a photo deleted from the image browser off its address', async () => {
    const editor = studio.editor('Wes Withdrawn');
    const client = studio.client({ token: editor.token });
    const withdrawn = await testPhoto('withdrawn.jpg', { width: 640, height: 480, color: '#772244' });
    const asset = await client.assets.upload('image', readFileSync(withdrawn), { filename: 'withdrawn.jpg' });
    const address = `${studio.lake.httpUrl}/${asset.path}`;
    expect((await fetch(address)).status).toBe(200);

    const session = await studio.open(editor, createPath('story'));
    const { page } = session;
    await session.openDocument();
    await page.getByTestId('photo-object-input-browse-button-sanity-default').click();
    const browser = page.getByRole('dialog', { name: /^Select image/ });
    await browser.locator(`button[data-id="${asset._id}"] + div button[aria-haspopup="true"]`).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete file' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await browser.locator(`button[data-id="${asset._id}"]`).waitFor({ state: 'detached' });

    expect(await client.getDocument(asset._id)).toBeUndefined();
    for (const url of [address, `${address}?w=320`, `${address}?dl=withdrawn.jpg`]) {
      expect((await fetch(url)).status, url).toBe(404);
    }
    expect(session.console.problems()).toEqual([]);
  });
});

/** The src of the 3:2 card image of the asset `assetRef` on a listing page. */
function cardImage(html: Root, assetRef: string): string {
  const hash = assetRef.split('-')[1] as string;
  const src = selectAll('img', html)
    .map((img) => String(img.properties.src))
    .find((s) => s.includes(hash));
  if (!src) throw new Error(`No card image of ${assetRef} on the page`);
  return src;
}

/** The decoded pixels of a built image file, by its site path. */
async function pixels(outDir: string, src: string) {
  const { data, info } = await sharp(join(outDir, src)).raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at(x: number, y: number) {
      const i = (Math.floor(y) * info.width + Math.floor(x)) * info.channels;
      return { r: data[i] as number, g: data[i + 1] as number, b: data[i + 2] as number };
    },
  };
}

type Colour = typeof RED;

/** `actual` is `expected` give or take what lossy encoding does to a flat colour. */
function expectColour(actual: Colour, expected: Colour, where: string): void {
  const distance = Math.max(...(['r', 'g', 'b'] as const).map((k) => Math.abs(actual[k] - expected[k])));
  expect(distance, `${where} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`).toBeLessThan(40);
}
