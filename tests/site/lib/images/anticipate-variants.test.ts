// The loader has the encoder start on a new story's hero variants while the
// content loads. What it anticipates must be exactly what the story page and
// its social card then link to, and anticipating must put nothing in the build.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stubImageHost } from '../../../helpers/image-host-env.ts';
import { photoOf, referenceBody } from '../portable-text/build-body.ts';

const photo = photoOf(referenceBody());

async function load() {
  vi.resetModules();
  const registry = await import('../../../../site/lib/images/variant-registry.ts');
  registry.resetVariants();
  return {
    registry,
    ...(await import('../../../../site/lib/images/anticipate-variants.ts')),
    ...(await import('../../../../site/lib/images/responsive-image.ts')),
    ...(await import('../../../../site/lib/images/social-image.ts')),
    ...(await import('../../../../site/lib/images/photo-layouts.ts')),
  };
}

describe('anticipated hero variants', () => {
  beforeEach(stubImageHost);

  it('are the files the story page and its social card link to, announced but not put in the build', async () => {
    const m = await load();
    const announced: string[] = [];
    const stop = m.registry.onNewVariant((name) => announced.push(name));
    m.anticipateHeroVariants(photo);
    expect(m.registry.requiredVariants().size).toBe(0);

    // What the page asks for when it renders the hero figure and the card.
    const figure = m.responsiveImage(photo, m.PHOTO_LAYOUTS.wide);
    const card = m.socialImage(photo);
    stop();
    const linked = [figure.srcset, ...figure.sources.map((s) => s.srcset)]
      .flatMap((srcset) => srcset.split(', ').map((entry) => entry.split(' ')[0] ?? ''))
      .concat(card.url)
      .map((url) => url.replace('/_img/', ''));
    expect(new Set(announced)).toEqual(new Set(linked));
    expect(new Set(m.registry.requiredVariants().keys())).toEqual(new Set(linked));
  });

  it('are announced once, and not at all when the pages will ask for them anyway', async () => {
    const m = await load();
    const announced: string[] = [];
    m.registry.onNewVariant((name) => announced.push(name));
    m.anticipateHeroVariants(photo);
    const first = announced.length;
    m.anticipateHeroVariants(photo);
    expect(announced).toHaveLength(first);
    expect(first).toBeGreaterThan(3);
  });

  it('are the social card alone for a story pictured by a body photo, announced but not put in the build', async () => {
    const m = await load();
    const announced: string[] = [];
    m.registry.onNewVariant((name) => announced.push(name));
    m.anticipateCardVariant(photo);
    expect(m.registry.requiredVariants().size).toBe(0);
    const anticipated = [...announced];
    expect(anticipated).toEqual([m.socialImage(photo).url.replace('/_img/', '')]);
  });

  it('are none with images from Sanity’s CDN', async () => {
    vi.stubEnv('NEWSROOM_IMAGES', 'cdn');
    const m = await load();
    const announced: string[] = [];
    m.registry.onNewVariant((name) => announced.push(name));
    m.anticipateHeroVariants(photo);
    m.anticipateCardVariant(photo);
    expect(announced).toEqual([]);
  });
});
