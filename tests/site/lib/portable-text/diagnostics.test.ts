import { describe, expect, it } from 'vitest';
import type { BodyMember } from '../../../../site/lib/portable-text/index.ts';
import { PortableTextError, renderPortableText, toHast } from '../../../../site/lib/portable-text/index.ts';
import { block, link, options, photoOf, referenceBody, span } from './build-body.ts';

const unknown = (member: Record<string, unknown>) => member as unknown as BodyMember;

describe('diagnostics', () => {
  it.each<[string, BodyMember, string, string]>([
    ['an unknown block type', unknown({ _type: 'code', _key: 'c1', code: 'x' }), 'UnknownBlockType', ''],
    ['an unknown style', unknown({ ...block('x', { _key: 'b1' }), style: 'h1' }), 'UnknownBlockStyle', '<p>x</p>'],
    [
      'an unknown list type',
      unknown({ ...block('x', { _key: 'b1' }), listItem: 'square' }),
      'UnknownListType',
      '<ul><li>x</li></ul>',
    ],
    ['an unknown decorator', block([span('x', ['highlight'])], { _key: 'b1' }), 'UnknownMark', '<p>x</p>'],
    [
      'an unknown annotation',
      block([span('x', ['m'])], { _key: 'b1', markDefs: [unknown({ _type: 'footnote', _key: 'm' }) as never] }),
      'UnknownAnnotation',
      '<p>x</p>',
    ],
    [
      'an inline object',
      block([unknown({ _type: 'image', _key: 'i' }) as never], { _key: 'b1' }),
      'UnknownInlineObject',
      '<p></p>',
    ],
    [
      'a pull quote without a speaker',
      unknown({ _type: 'pullQuote', _key: 'pq', text: 'Said.' }),
      'UnattributedPullQuote',
      '<figure class="pull-quote"><blockquote dir="auto"><p>Said.</p></blockquote></figure>',
    ],
  ])('reports %s by name and prints what it safely can', (_name, member, name, html) => {
    const result = renderPortableText([member], options);
    expect(result.html).toBe(html);
    expect(result.diagnostics.map((d) => d.name)).toEqual([name]);
  });

  it('says which document and block, what happened and what to do', () => {
    const [diagnostic] = renderPortableText([unknown({ _type: 'code', _key: 'c1' })], options).diagnostics;
    expect(diagnostic).toEqual({
      name: 'UnknownBlockType',
      message:
        'Body block _key "c1" (_type "code") of document "story-test" has a _type the story renderer does not know, so it was left out of the page.',
      hint: 'Remove the block in the Studio, or add the type to schemas/portable-text.ts and a handler to bodyHandlers in site/lib/portable-text/to-hast.ts.',
      documentId: 'story-test',
      blockKey: 'c1',
      blockType: 'code',
    });
  });

  it('names the list item at fault, not the list', () => {
    const body = [
      block('a', { listItem: 'bullet', _key: 'first' }),
      block([span('b', ['bogus'])], { listItem: 'bullet', _key: 'second' }),
    ];
    expect(renderPortableText(body, options).diagnostics.map((d) => d.blockKey)).toEqual(['second']);
  });

  it('reports one problem once, however many spans repeat it', () => {
    const body = block([span('a', ['bogus']), span(' b '), span('c', ['bogus'])]);
    expect(renderPortableText([body], options).diagnostics).toHaveLength(1);
  });

  it('keeps rendering the rest of the body after a block fails', () => {
    const photo = photoOf(referenceBody());
    const result = renderPortableText([photo, block('After.')], {
      ...options,
      imageFor: () => {
        throw new Error('image file missing');
      },
    });
    expect(result.html).toBe('<p>After.</p>');
    expect(result.diagnostics[0]?.message).toBe(
      'Body block _key "k0001" (_type "photo") of document "story-test" could not be rendered ("image file missing"); it was left out.',
    );
  });

  it('skips members that are not objects, naming their position', () => {
    const result = renderPortableText([null as unknown as BodyMember, block('Fine.')], options);
    expect(result.html).toBe('<p>Fine.</p>');
    expect(result.diagnostics.map((d) => [d.name, d.blockKey])).toEqual([['UnknownBlockType', '(item 0)']]);
  });
});

describe('a body that is not a list', () => {
  it('prints nothing and says which document, instead of throwing', () => {
    const result = renderPortableText(undefined as unknown as BodyMember[], options);
    expect(result).toMatchObject({ html: '', headings: [], plainText: '' });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'The body of document "story-test" is not a list of blocks but "undefined"; nothing was printed.',
    ]);
  });
});

describe('strict mode', () => {
  const strict = { ...options, strict: true };

  it('throws a PortableTextError named after the problem, naming the block', () => {
    const render = () => renderPortableText([block('ok'), unknown({ _type: 'code', _key: 'c1' })], strict);
    expect(render).toThrow(PortableTextError);
    expect(render).toThrow(/^Body block _key "c1" \(_type "code"\) of document "story-test"/);
    try {
      render();
    } catch (error) {
      expect((error as PortableTextError).name).toBe('UnknownBlockType');
      expect((error as PortableTextError).diagnostic.blockKey).toBe('c1');
    }
  });

  it('throws for an unsafe link, which lenient mode only reports', () => {
    const mark = link('javascript:alert(1)');
    const body = block([span('x', [mark._key])], { markDefs: [mark], _key: 'b9' });
    expect(() => toHast([body], strict)).toThrow(/_key "b9".*javascript:alert\(1\)/);
    expect(toHast([body], options).diagnostics).toHaveLength(1);
  });

  it('names the block when a handler fails', () => {
    const photo = photoOf(referenceBody());
    const imageFor = () => {
      throw new Error('image file missing');
    };
    expect(() => renderPortableText([photo], { ...strict, imageFor })).toThrow(
      expect.objectContaining({
        name: 'BlockRenderFailed',
        message: expect.stringContaining('_key "k0001" (_type "photo")'),
      }),
    );
  });
});
