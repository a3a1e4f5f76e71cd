// Story fields from YAML front matter, parsed as untrusted input: the YAML is
// read with line numbers so an error names the field and the line it is on.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { bylineRoles } from '../../schemas/byline.ts';
import { isoDateTime, slugValue } from '../../schemas/sanity-values.ts';
import { storyDocument } from '../../schemas/story.ts';
import { convertError, type Location } from './errors.ts';

const text = z.string().trim().min(1);

const exactlyOne = (v: { name?: string; person?: string }) => Boolean(v.name) !== Boolean(v.person);
const exactlyOneMessage = 'give either name (printed as typed) or person (gets a page on the site), not both';

/** `{name: …}` prints the name; `{person: …}` also creates a person document with a page. */
export const contributorInput = z
  .strictObject({ name: text.optional(), person: text.optional() })
  .refine(exactlyOne, exactlyOneMessage);

export const creditInput = z
  .strictObject({
    photographer: contributorInput.optional(),
    agencies: z.array(text).optional(),
    rightsNote: z.string().optional(),
  })
  .refine(
    (c) => Boolean(c.photographer) || (c.agencies?.length ?? 0) > 0,
    'a credit needs a photographer or an agency',
  );

const speakerInput = z
  .strictObject({ name: text.optional(), person: text.optional(), role: z.string().trim().min(1).optional() })
  .refine(exactlyOne, exactlyOneMessage);

const bylineInput = z.preprocess(
  (v) => (typeof v === 'string' ? { name: v } : v),
  z.strictObject({ name: text, role: z.enum(bylineRoles).default('Reporter') }),
);

const slug = slugValue.shape.current;

export const frontMatterSchema = z.strictObject({
  headline: text,
  slug: slug.optional(),
  dek: z.string().trim().min(1).optional(),
  section: text,
  bylines: z.array(bylineInput).optional(),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  topics: z.array(text).optional(),
  language: storyDocument.shape.language,
  hero: z
    .strictObject({ file: text, alt: text, caption: z.string().trim().min(1).optional(), credit: creditInput })
    .optional(),
  photos: z.record(z.string(), z.strictObject({ credit: creditInput })).optional(),
  speakers: z
    .record(
      // Letters of any script (a Persian desk names its speakers in Persian), with
      // the joiners and marks words are spelt with, digits, - and _.
      z.string().regex(/^\p{L}[\p{L}\p{M}\p{N}\p{Join_Control}_-]*$/u, 'speaker keys are letters, digits, - and _'),
      speakerInput,
    )
    .optional(),
  corrections: z.array(z.strictObject({ date: isoDateTime, text })).optional(),
  related: z.array(slug).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type ContributorInput = z.infer<typeof contributorInput>;
export type CreditInput = z.infer<typeof creditInput>;

/** A field of the front matter, as keys and list indexes: `['bylines', 0, 'name']`. */
export type FieldPath = readonly (string | number)[];

/**
 * Where a field's value is in the file, or the nearest enclosing field's when
 * it has none of its own (a byline written as a plain string has no `name`).
 * Checks made after parsing (slugs, image files) report their line with it.
 */
export type FieldLocator = (field: FieldPath) => Location;

export interface ParsedFrontMatter {
  fm: FrontMatter;
  locate: FieldLocator;
}

/**
 * Parses and validates front matter. `firstLine` is the file line the YAML
 * starts on, so reported lines are lines of the file.
 */
export function parseFrontMatter(yamlText: string, where: { file?: string; firstLine: number }): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): Location => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    return { file: where.file, line: where.firstLine + (pos ? pos.line - 1 : 0), column: pos?.col };
  };
  const locate: FieldLocator = (field) => {
    for (let depth = field.length; depth > 0; depth--) {
      const node = doc.getIn(field.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return at(undefined);
  };
  const syntax = doc.errors[0];
  if (syntax) throw convertError('FrontMatterSyntax', [syntax.message.split('\n')[0] ?? ''], at(syntax.pos[0]));

  const result = frontMatterSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return { fm: result.data, locate };
  const issue = result.error.issues[0];
  if (!issue) throw convertError('FrontMatterInvalid', ['(front matter)', 'invalid'], at(undefined));
  const path = issue.path.map(String);
  const field = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
  const problem = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
  throw convertError('FrontMatterInvalid', [field.join('.') || '(front matter)', problem], locate(field));
}
