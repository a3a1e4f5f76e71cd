// The converter's error catalog. Each failure has a stable name (tests and
// newsrooms' migration scripts match on it), a message saying what happened and
// a hint saying what to do. Locations come from the mdast position.
import type { Node } from 'unist';

export const convertErrors = {
  UnsupportedInput: {
    message: (ext: string) => `Files ending in "${ext}" cannot be converted.`,
    hint: 'Give a .md, .markdown or .txt file, or a folder holding them.',
  },
  InvalidUtf8: {
    message: () => 'The file is not valid UTF-8 text.',
    hint: 'Re-save it as UTF-8 (it is probably Latin-1 or Windows-1252), e.g. iconv -f windows-1252 -t utf-8 old.txt > new.txt.',
  },
  FrontMatterMissing: {
    message: () => 'The file has no front matter.',
    hint: 'Start the file with a YAML block between two "---" lines giving at least headline, section and publishedAt.',
  },
  FrontMatterSyntax: {
    message: (problem: string) => `The front matter is not valid YAML: ${problem}`,
    hint: 'Fix the YAML between the two "---" lines; quote values that contain ": " or start with a special character.',
  },
  FrontMatterInvalid: {
    message: (field: string, problem: string) => `Front matter field "${field}": ${problem}`,
    hint: 'See scripts/convert/README.md for the front matter fields and their formats.',
  },
  SiteSettingsInvalid: {
    message: (field: string, problem: string) => `Site settings field "${field}": ${problem}`,
    hint: 'Fix content/source/site-settings.yaml; the fields are those of schemas/site-settings.ts.',
  },
  UnsupportedNode: {
    message: (type: string, where: string) => `"${type}" ${where} has no Portable Text equivalent.`,
    hint: 'Rewrite it as paragraphs, subheads, lists or block quotes.',
  },
  TableNotSupported: {
    message: () => 'Tables are not part of the story content model.',
    hint: 'Rewrite the table as a list, or publish it as an image with alt text.',
  },
  RawHtml: {
    message: (html: string) => `Raw HTML is not passed through: ${html}`,
    hint: 'Rewrite it in Markdown, or convert with --strip-html to drop HTML (each drop is reported).',
  },
  UnknownDirective: {
    message: (name: string) => `Unknown directive "${name}".`,
    hint: 'Use :quote[words]{speaker=key} for an attributed quote or ::pullquote[words]{speaker=key} for a pull quote.',
  },
  MissingSpeaker: {
    message: (directive: string) => `The ${directive} directive has no speaker.`,
    hint: 'Add {speaker=key} naming a speaker declared under "speakers" in the front matter.',
  },
  UndeclaredSpeaker: {
    message: (key: string, declared: string) => `Speaker "${key}" is not declared (declared: ${declared}).`,
    hint: 'Declare the speaker in the front matter: speakers: {key: {name: Full Name, role: their role}}.',
  },
  EmptyQuote: {
    message: () => 'The quote has no words.',
    hint: 'Put the quoted words inside the brackets: :quote[the words]{speaker=key}.',
  },
  InvalidQuoteLanguage: {
    message: (lang: string, directive: string) => `The ${directive} directive's lang "${lang}" is not a language tag.`,
    hint: "Write a BCP 47 language tag such as {lang=fa}, {lang=ar} or {lang=zh-Hans}, or leave lang out for words in the story's language.",
  },
  NestedQuote: {
    message: () => 'A quote cannot contain another quote.',
    hint: 'Close the first :quote[…] before starting the next.',
  },
  InlineImage: {
    message: () => 'An image shares its paragraph with text.',
    hint: 'Put each image in a paragraph of its own; photos are blocks between paragraphs.',
  },
  RemoteImage: {
    message: (url: string) => `The image ${url} is not a local file.`,
    hint: 'Download the image next to the Markdown file and link it by relative path.',
  },
  ImageNotFound: {
    message: (path: string) => `The image file ${path} does not exist.`,
    hint: 'Paths are relative to the Markdown file; check the spelling and the folder.',
  },
  PhotoAltMissing: {
    message: (file: string) => `The image ${file} has no alt text.`,
    hint: 'Describe what the photo shows inside the brackets: ![alt text](file.jpg "caption").',
  },
  PhotoCreditMissing: {
    message: (file: string) => `The image ${file} has no credit.`,
    hint: 'Add it to the front matter: photos: {file.jpg: {credit: {photographer: {name: …}, agencies: [AFP]}}}.',
  },
  EmptyBody: {
    message: () => 'The story has no body text.',
    hint: 'Write at least one paragraph below the front matter.',
  },
  ConflictingDocument: {
    message: (id: string, other: string) => `${other} already produces the document "${id}", with different content.`,
    hint: 'Give one of the stories a different slug (or the person or section the same spelling everywhere).',
  },
  ConflictingImage: {
    message: (name: string) => `Two different image files are both named "${name}".`,
    hint: 'Rename one of them: exported images share one images/ folder.',
  },
} as const satisfies Record<string, { message: (...args: never[]) => string; hint: string }>;

export type ConvertErrorName = keyof typeof convertErrors;

export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

export class ConvertError extends Error {
  override readonly name: ConvertErrorName;
  readonly hint: string;
  readonly location: Location;

  constructor(name: ConvertErrorName, message: string, location: Location = {}) {
    super(message);
    this.name = name;
    this.hint = convertErrors[name].hint;
    this.location = location;
  }

  /** `file:line:column Name: message` then the hint, as the CLI prints it. */
  format(): string {
    const { file, line, column } = this.location;
    const where = [file, line, line === undefined ? undefined : column].filter((p) => p !== undefined).join(':');
    return `${where ? `${where} ` : ''}${this.name}: ${this.message}\n  Hint: ${this.hint}`;
  }
}

type Args<N extends ConvertErrorName> = Parameters<(typeof convertErrors)[N]['message']>;

/** Where an error or warning is: a file name, an mdast node (its start wins), a line and column, or some of these. */
export interface Where extends Location {
  node?: Node;
}

export function locationOf(at: Where): Location {
  const start = at.node?.position?.start;
  return { file: at.file, line: start?.line ?? at.line, column: start?.column ?? at.column };
}

export function convertError<N extends ConvertErrorName>(name: N, args: Args<N>, at: Where = {}): ConvertError {
  const message = (convertErrors[name].message as (...a: Args<N>) => string)(...args);
  return new ConvertError(name, message, locationOf(at));
}
