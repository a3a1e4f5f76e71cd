// A story body built directly as Portable Text (far faster than writing
// Markdown and converting it, which 10k stories would feel), in the shapes
// the converter emits: paragraphs, h2 subheads, a pull quote, sometimes an
// inline photo, links, and quotation annotations backed by quote documents.
import type { Block, Contributor, MarkDef, PendingBodyMember, Quote, Span } from '../convert/export-shapes.ts';
import { reference, weakReference } from '../convert/ids.ts';
import type { Newsroom } from './newsroom.ts';
import { photo } from './photo.ts';
import type { Random } from './random.ts';
import { personName, sentences, subhead } from './text.ts';
import { quoteLines, speakerRoles } from './vocabulary.ts';

export interface BodyOptions {
  storyId: string;
  newsroom: Newsroom;
  /** Slugs of stories already generated, for links within the site. */
  earlierSlugs: readonly string[];
}

export interface GeneratedBody {
  body: PendingBodyMember[];
  quotes: Quote[];
}

const span = (r: Random, text: string, marks: string[] = []): Span => ({ _type: 'span', _key: r.key(), text, marks });

function block(r: Random, children: Span[], markDefs: MarkDef[] = [], style: Block['style'] = 'normal'): Block {
  return { _type: 'block', _key: r.key(), style, markDefs, children };
}

function speaker(r: Random, newsroom: Newsroom): { speaker: Contributor; speakerRole: string; name: string } {
  const staff = newsroom.people;
  if (r.chance(0.3) && staff.length > 0) {
    const person = r.pick(staff);
    return {
      speaker: { person: reference(person._id) },
      speakerRole: person.title ?? 'a staff writer',
      name: person.name,
    };
  }
  const name = personName(r);
  return { speaker: { name }, speakerRole: r.pick(speakerRoles), name };
}

function quotedParagraph(r: Random, options: BodyOptions, quoteId: string): { block: Block; quote: Quote } {
  const who = speaker(r, options.newsroom);
  const text = r.pick(quoteLines);
  const mark = r.key();
  const after = `,” said ${who.name}, ${who.speakerRole}. ${sentences(r, r.int(0, 2))}`.trimEnd();
  const children = [span(r, `${sentences(r, 1)} “`), span(r, text, [mark]), span(r, after)];
  const markDefs: MarkDef[] = [{ _type: 'quotation', _key: mark, quote: reference(quoteId) }];
  const quote: Quote = {
    _id: quoteId,
    _type: 'quote',
    text,
    speaker: who.speaker,
    speakerRole: who.speakerRole,
    story: weakReference(options.storyId),
  };
  return { block: block(r, children, markDefs), quote };
}

function linkedParagraph(r: Random, options: BodyOptions): Block {
  const internal = options.earlierSlugs.length > 0 && r.chance(0.5);
  const href = internal ? `/story/${r.pick(options.earlierSlugs)}` : `https://www.example.com/reports/${r.key()}`;
  const words = internal ? 'as previously reported' : 'according to published figures';
  const mark = r.key();
  const children = [
    span(r, `${sentences(r, 1)} The shift comes `),
    span(r, words, [mark]),
    span(r, `. ${sentences(r, r.int(1, 2))}`),
  ];
  return block(r, children, [{ _type: 'link', _key: mark, href }]);
}

export function storyBody(r: Random, options: BodyOptions): GeneratedBody {
  const paragraphs = r.int(6, 12);
  const quoted = new Set(
    r.sample(
      Array.from({ length: paragraphs - 1 }, (_, i) => i + 1),
      r.int(1, 3),
    ),
  );
  const subheads =
    paragraphs >= 9 ? [Math.floor(paragraphs / 3), Math.floor((2 * paragraphs) / 3)] : [Math.floor(paragraphs / 2)];
  const pullAfter = r.int(1, 3);
  const photoAfter = r.chance(0.35) ? paragraphs - 3 : -1;
  const body: PendingBodyMember[] = [];
  const quotes: Quote[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (subheads.includes(i)) body.push(block(r, [span(r, subhead(r))], [], 'h2'));
    if (quoted.has(i)) {
      const q = quotedParagraph(r, options, `${options.storyId.replace(/^story-/, 'quote-')}-${quotes.length + 1}`);
      body.push(q.block);
      quotes.push(q.quote);
    } else if (r.chance(0.3)) body.push(linkedParagraph(r, options));
    else body.push(block(r, [span(r, sentences(r, r.int(2, 4)))]));
    if (i === pullAfter) {
      const who = speaker(r, options.newsroom);
      body.push({
        _type: 'pullQuote',
        _key: r.key(),
        text: `${r.pick(quoteLines)}.`,
        speaker: who.speaker,
        speakerRole: who.speakerRole,
      });
    }
    if (i === photoAfter) {
      const staff = options.newsroom.people.map((p) => p._id);
      body.push({ _key: r.key(), ...photo(r, options.newsroom.images, staff) });
    }
  }
  return { body, quotes };
}
