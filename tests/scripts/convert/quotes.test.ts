import { describe, expect, it } from 'vitest';
import { convertSource } from '../../../scripts/convert/convert-source.ts';
import { ConvertError } from '../../../scripts/convert/errors.ts';
import type { Block, Quote } from '../../../scripts/convert/export-shapes.ts';
import { blockText, storySource } from '../helpers/story-source.ts';

const SPEAKERS = [
  'speakers:',
  '  mehmanparast: {name: Ramin Mehmanparast, role: the ministry’s spokesman}',
  '  yaalon: {person: Moshe Yaalon, role: Israeli Vice Prime Minister}',
];

function convert(markdown: string) {
  const result = convertSource({ source: storySource(markdown, SPEAKERS), format: 'markdown', file: 'q.md' });
  const quotes = result.documents.filter((d): d is Quote => d._type === 'quote');
  return { ...result, quotes, block: result.story.body[0] as Block };
}

describe(':quote directives', () => {
  const { block, quotes, documents } = convert(
    '“:quote[Illegitimate regimes are producing viruses]{speaker=mehmanparast}” and ' +
      '“:quote[this will not be *really* effective]{speaker=mehmanparast},” he said.',
  );

  it('keeps the paragraph text exactly, quotation marks included', () => {
    expect(blockText(block)).toBe(
      '“Illegitimate regimes are producing viruses” and “this will not be really effective,” he said.',
    );
  });

  it('puts a quotation annotation on exactly the quoted words', () => {
    const quotation = new Set(block.markDefs?.filter((d) => d._type === 'quotation').map((d) => d._key));
    const annotated = block.children.filter((s) => s.marks?.some((m) => quotation.has(m))).map((s) => s.text);
    expect(annotated).toEqual([
      'Illegitimate regimes are producing viruses',
      'this will not be ',
      'really',
      ' effective',
    ]);
  });

  it('emits one quote document per quote, with speaker, role and story', () => {
    expect(quotes.map((q) => [q.text, q.speaker, q.speakerRole, q.story?._ref])).toEqual([
      [
        'Illegitimate regimes are producing viruses',
        { name: 'Ramin Mehmanparast' },
        'the ministry’s spokesman',
        'story-test-story',
      ],
      [
        'this will not be really effective',
        { name: 'Ramin Mehmanparast' },
        'the ministry’s spokesman',
        'story-test-story',
      ],
    ]);
    const refs = block.markDefs?.map((d) => (d._type === 'quotation' ? d.quote._ref : undefined));
    expect(refs).toEqual(quotes.map((q) => q._id));
    expect(documents.map((d) => d._id)).toContain(quotes[0]?._id);
  });

  it('references a person document for a {person} speaker and honours a role override', () => {
    const result = convert('He said “:quote[we are blessed]{speaker=yaalon role="a former army chief"}”.');
    expect(result.quotes[0]).toMatchObject({
      speaker: { person: { _type: 'reference', _ref: 'person-moshe-yaalon' } },
      speakerRole: 'a former army chief',
    });
    expect(result.documents.map((d) => d._id)).toContain('person-moshe-yaalon');
  });

  it('records the language of words in another language than the story, on quotes and pull quotes', () => {
    const result = convert(
      'The minister said “:quote[جنگ نرم]{speaker=mehmanparast lang=fa}”.\n\n::pullquote[جنگ نرم شکست می‌خورد]{speaker=mehmanparast lang=fa}',
    );
    expect(result.quotes[0]).toMatchObject({ text: 'جنگ نرم', language: 'fa' });
    expect(result.story.body[1]).toMatchObject({ _type: 'pullQuote', language: 'fa' });
    expect(convert('“:quote[words]{speaker=yaalon}”').quotes[0]).not.toHaveProperty('language');
  });

  it('puts a bare :word back as text (times, "Note:this")', () => {
    expect(blockText(convert('At 10:30 the note:read ended.').block)).toBe('At 10:30 the note:read ended.');
  });
});

describe('speakers named in another script', () => {
  it('takes a Persian speaker key, joiners and all, as a Persian desk writes one', () => {
    const result = convertSource({
      source: storySource('وزیر گفت «:quote[تحریم‌ها شکست خورده‌اند]{speaker=ظریف‌زاده}» و رفت.', [
        'speakers:',
        '  ظریف‌زاده: {name: محمد جواد ظریف, role: وزیر امور خارجه}',
      ]),
      format: 'markdown',
      file: 'fa.md',
    });
    const quote = result.documents.find((d): d is Quote => d._type === 'quote');
    expect(quote).toMatchObject({ text: 'تحریم‌ها شکست خورده‌اند', speaker: { name: 'محمد جواد ظریف' } });
  });
});

describe('quote errors name the problem and the line', () => {
  it.each([
    ['\n\nSaid :quote[words]{speaker=nobody}.', 'UndeclaredSpeaker', 11, 'Speaker "nobody" is not declared'],
    ['Said :quote[words].', 'MissingSpeaker', 9, 'The :quote directive has no speaker.'],
    ['Said :quote[]{speaker=yaalon}.', 'EmptyQuote', 9, 'The quote has no words.'],
    ['Said :quote[a :quote[b]{speaker=yaalon}]{speaker=yaalon}.', 'NestedQuote', 9, 'A quote cannot'],
    ['Said :shout[words]{speaker=yaalon}.', 'UnknownDirective', 9, 'Unknown directive ":shout".'],
    ['::pullquote[x]{speaker=ghost}', 'UndeclaredSpeaker', 9, 'Speaker "ghost" is not declared'],
    ['Said :quote[x]{speaker=yaalon lang=Persian}.', 'InvalidQuoteLanguage', 9, 'lang "Persian" is not a language'],
    ['::pullquote[x]{speaker=yaalon lang=farsi!}', 'InvalidQuoteLanguage', 9, 'The ::pullquote directive'],
  ])('%j → %s', (markdown, name, line, message) => {
    const error = (() => {
      try {
        convert(markdown);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConvertError);
    expect(error).toMatchObject({ name, location: { file: 'q.md', line } });
    expect((error as ConvertError).message).toContain(message);
  });

  it('lists the declared speakers in the message', () => {
    expect(() => convert(':quote[x]{speaker=ghost}')).toThrow(
      'Speaker "ghost" is not declared (declared: mehmanparast, yaalon).',
    );
  });
});
