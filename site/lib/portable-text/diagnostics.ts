// The catalog of problems the renderer works around. Each entry has a stable
// name (tests and build logs key on it), a message saying what happened to the
// page, and a hint saying what to change. Nothing here throws unless the caller
// asked for `strict`, and then the error still names the block at fault.

/** Where a problem sits: the block's `_key` and `_type`, and the document if known. */
export interface BlockLocation {
  documentId?: string;
  blockKey: string;
  blockType: string;
}

interface CatalogEntry {
  message: (where: string, value: string) => string;
  hint: string;
}

export const diagnosticCatalog = {
  BodyNotAList: {
    message: (where, value) => `${where} is not a list of blocks but ${value}; nothing was printed.`,
    hint: 'Check the story query: `body` must be projected as an array (schemas/queries/story.ts).',
  },
  UnknownBlockType: {
    message: (where) => `${where} has a _type the story renderer does not know, so it was left out of the page.`,
    hint: 'Remove the block in the Studio, or add the type to schemas/portable-text.ts and a handler to bodyHandlers in site/lib/portable-text/to-hast.ts.',
  },
  UnknownBlockStyle: {
    message: (where, value) =>
      `${where} has style ${value}, which is not normal, h2, h3 or blockquote; it was printed as a paragraph.`,
    hint: 'Pick one of the body styles in the Studio.',
  },
  UnknownListType: {
    message: (where, value) =>
      `${where} is a list item of type ${value}, which is not bullet or number; it was printed as a bulleted list.`,
    hint: 'Choose Bullets or Numbered for the list in the Studio.',
  },
  UnknownMark: {
    message: (where, value) =>
      `${where} marks text with ${value}, which is neither a decorator nor an annotation defined in the block; the words were kept without it.`,
    hint: 'Select the words in the Studio and clear the formatting, then apply it again.',
  },
  UnknownAnnotation: {
    message: (where, value) =>
      `${where} has an annotation of _type ${value} the renderer does not know; the words were kept without it.`,
    hint: 'Remove the annotation in the Studio, or add it to schemas/portable-text.ts and site/lib/portable-text/annotations/.',
  },
  UnknownInlineObject: {
    message: (where, value) =>
      `${where} holds an inline object of _type ${value} the renderer does not know; it was left out.`,
    hint: 'Remove the inline object in the Studio.',
  },
  UnsafeLink: {
    message: (where, value) =>
      `${where} links to ${value}, which is not an http(s), mailto: or tel: address or a path on this site; the words were kept without the link.`,
    hint: 'Fix the address in the Studio: use https://…, mailto:…, tel:… or a /path on this site.',
  },
  NestedLink: {
    message: (where, value) => `${where} puts a link to ${value} inside another link; only the outer link was kept.`,
    hint: 'Remove one of the two links from those words in the Studio.',
  },
  UnresolvedQuote: {
    message: (where) =>
      `${where} marks an attributed quote whose quote document was not found (deleted or unpublished?); the words were printed without attribution.`,
    hint: 'Select the quoted words in the Studio and pick the quote again, or publish the quote document.',
  },
  EmptyHeading: {
    message: (where, value) => `${where} is an empty ${value} subhead; it was left out.`,
    hint: 'Type the subhead or delete the empty line in the Studio.',
  },
  UnattributedPullQuote: {
    message: (where) => `${where} is a pull quote without a speaker name; it was printed without attribution.`,
    hint: 'Pick the speaker or type their name on the pull quote in the Studio.',
  },
  BlockRenderFailed: {
    message: (where, value) => `${where} could not be rendered (${value}); it was left out.`,
    hint: 'Check the block in the Studio; if it looks right, the error above points at the site code that failed.',
  },
} satisfies Record<string, CatalogEntry>;

export type DiagnosticName = keyof typeof diagnosticCatalog;

export interface Diagnostic extends BlockLocation {
  name: DiagnosticName;
  message: string;
  hint: string;
}

/** Thrown in strict mode, and for nothing else. */
export class PortableTextError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic, options?: { cause?: unknown }) {
    super(`${diagnostic.message} ${diagnostic.hint}`, options);
    this.name = diagnostic.name;
    this.diagnostic = diagnostic;
  }
}

const MAX_VALUE_LENGTH = 80;

/** Quotes a value for a message, shortened so a pasted data: URL does not flood the log. */
function quoted(value: string): string {
  const short = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return JSON.stringify(short);
}

/** The body itself is at fault, not one of its blocks. */
export const WHOLE_BODY = '(body)';

function describe(at: BlockLocation): string {
  if (at.blockKey === WHOLE_BODY) {
    return at.documentId ? `The body of document ${JSON.stringify(at.documentId)}` : 'The story body';
  }
  const block = `Body block _key ${JSON.stringify(at.blockKey)} (_type ${JSON.stringify(at.blockType)})`;
  return at.documentId ? `${block} of document ${JSON.stringify(at.documentId)}` : block;
}

export function createDiagnostic(name: DiagnosticName, at: BlockLocation, value = ''): Diagnostic {
  const entry: CatalogEntry = diagnosticCatalog[name];
  return { name, message: entry.message(describe(at), quoted(value)), hint: entry.hint, ...at };
}
