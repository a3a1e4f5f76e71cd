// Small builders for story bodies in tests, typed by the schema's own
// BodyMember so a test body cannot drift from the model unnoticed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bodyMemberResult } from '../../../../schemas/queries/story.ts';
import type {
  BodyMember,
  ImageRendition,
  PhotoResult,
  RenderOptions,
} from '../../../../site/lib/portable-text/index.ts';

type TextBlock = Extract<BodyMember, { _type: 'block' }>;
type MarkDef = NonNullable<TextBlock['markDefs']>[number];

let counter = 0;
const nextKey = () => `t${++counter}`;

export function span(text: string, marks: string[] = []): TextBlock['children'][number] {
  return { _type: 'span', _key: nextKey(), text, marks };
}

export function block(
  children: string | TextBlock['children'],
  extra: Partial<Omit<TextBlock, '_type' | 'children'>> = {},
): TextBlock {
  const spans = typeof children === 'string' ? [span(children)] : children;
  return { _type: 'block', _key: nextKey(), style: 'normal', markDefs: [], ...extra, children: spans };
}

/** A block whose only span carries one annotation. */
export function annotated(
  before: string,
  words: string,
  after: string,
  markDef: MarkDef,
  marks: string[] = [],
): TextBlock {
  return block([span(before), span(words, [markDef._key, ...marks]), span(after)], { markDefs: [markDef] });
}

export function link(href: string): MarkDef {
  return { _type: 'link', _key: nextKey(), href };
}

export const referenceBodyPath = new URL('../../../fixtures/portable-text/reference-body.json', import.meta.url);

/** The reference article's body, checked against the story query's result schema. */
export function referenceBody(): BodyMember[] {
  return z.array(bodyMemberResult).parse(JSON.parse(readFileSync(referenceBodyPath, 'utf8')));
}

export function photoOf(body: readonly BodyMember[]): PhotoResult & { _key: string } {
  const photo = body.find((member) => member._type === 'photo');
  if (photo?._type !== 'photo') throw new Error('the body has no photo');
  return photo;
}

/** What a site's imageFor looks like: hashed files named after the asset. */
export function imageFor(photo: PhotoResult): ImageRendition {
  const { width, height } = photo.asset.metadata.dimensions;
  const name = photo.asset._id.replace(/^image-/, '');
  return {
    src: `/_img/${name}-1280.jpg`,
    width,
    height,
    srcset: `/_img/${name}-640.jpg 640w, /_img/${name}-1280.jpg 1280w`,
    sizes: '(min-width: 48rem) 44rem, 100vw',
  };
}

export const options: RenderOptions = { imageFor, siteUrl: 'https://news.example', documentId: 'story-test' };
