// What the node handlers share while converting one file: the story being
// built, declared speakers and photo credits, and the collectors for quote
// documents, image files and warnings.
import type { Node } from 'unist';
import { type ConvertErrorName, convertError, type convertErrors } from './errors.ts';
import type { Contributor, PhotoCredit, Quote } from './export-shapes.ts';
import { createKeyer, type Keyer } from './keys.ts';
import { type ConvertWarning, type ConvertWarningName, convertWarning, type convertWarnings } from './warnings.ts';

export interface SpeakerInfo {
  speaker: Contributor;
  speakerRole?: string;
}

/** An image the story uses: `src` as written, `name` as exported under images/, and where it is used. */
export interface ImageUse {
  src: string;
  name: string;
  line?: number;
  column?: number;
}

export type HtmlPolicy = 'reject' | 'strip';

export interface ConvertContext {
  readonly file?: string;
  readonly storyId: string;
  readonly html: HtmlPolicy;
  readonly speakers: ReadonlyMap<string, SpeakerInfo>;
  /** Credits of inline photos, by file name. */
  readonly photoCredits: ReadonlyMap<string, PhotoCredit>;
  /** Link reference definitions, by identifier. */
  readonly definitions: Map<string, { url: string; title?: string | null }>;
  readonly key: Keyer;
  readonly quotes: Map<string, Quote>;
  readonly images: ImageUse[];
  readonly warnings: ConvertWarning[];
  /** The key of the next body member, derived from its position. */
  nextBlockKey(): string;
  fail<N extends ConvertErrorName>(name: N, args: Parameters<(typeof convertErrors)[N]['message']>, node?: Node): never;
  warn<N extends ConvertWarningName>(name: N, args: Parameters<(typeof convertWarnings)[N]>, node?: Node): void;
}

export interface ContextOptions {
  file?: string;
  storyId: string;
  html?: HtmlPolicy;
  speakers?: ReadonlyMap<string, SpeakerInfo>;
  photoCredits?: ReadonlyMap<string, PhotoCredit>;
}

export function createContext(options: ContextOptions): ConvertContext {
  const { file, storyId } = options;
  const key = createKeyer(storyId);
  let blocks = 0;
  const warnings: ConvertWarning[] = [];
  return {
    file,
    storyId,
    html: options.html ?? 'reject',
    speakers: options.speakers ?? new Map(),
    photoCredits: options.photoCredits ?? new Map(),
    definitions: new Map(),
    key,
    quotes: new Map(),
    images: [],
    warnings,
    nextBlockKey: () => key('body', blocks++),
    fail(name, args, node) {
      throw convertError(name, args, { file, node });
    },
    warn(name, args, node) {
      warnings.push(convertWarning(name, args, { file, node }));
    },
  };
}
