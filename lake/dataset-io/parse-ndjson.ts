import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json-depth.ts';
import { ImportError } from './import-error.ts';

export type ParsedDocument = {
  line: number;
  /** Characters of its line: about its JSON's length, which bounds an import's transactions (commit-import.ts). */
  size: number;
  doc: Record<string, unknown> & { _id?: string; _type: string };
};

const REPLACEMENT_CHAR = '\uFFFD';
const VALID_ID = /^[a-z0-9_.-]+$/i;

/** @sanity/import's per-document check; null when the document is acceptable. */
export function validateDocument(doc: unknown): string | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'Document must be a JSON object';
  const { _id, _type } = doc as { _id?: unknown; _type?: unknown };
  if (_id !== undefined && typeof _id !== 'string')
    return 'Document contained an invalid "_id" property - must be a string';
  if (_id !== undefined && !VALID_ID.test(_id as string)) {
    return `Document ID "${String(_id)}" is not valid: Please use alphanumeric document IDs. Dashes (-) and underscores (_) are also allowed.`;
  }
  if (typeof _type !== 'string') return 'Document did not contain required "_type" property of type string';
  return null;
}

/**
 * Parses NDJSON the way `sanity dataset import` does: one document per line
 * (blank lines skipped), each failure naming its 1-based line.
 */
export function parseNdjson(text: string, options: { allowReplacementCharacters?: boolean } = {}): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const lines = text.split('\n');
  for (const [index, row] of lines.entries()) {
    const line = index + 1;
    if (!row.trim()) continue;
    if (!options.allowReplacementCharacters && row.includes(REPLACEMENT_CHAR)) {
      throw new ImportError(
        'ReplacementCharacter',
        `Unicode replacement character (U+FFFD) found on line ${line}. This usually indicates encoding issues in the source data.`,
        'Re-export the data as UTF-8, or pass --allow-replacement-characters to import it anyway.',
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(row);
    } catch (error) {
      const suffix = line === 1 ? '\n\nMake sure this is valid ndjson (one JSON-document *per line*)' : '';
      throw new ImportError(
        'InvalidJson',
        `Failed to parse line #${line}: ${(error as Error).message}${suffix}`,
        'Fix the JSON on that line; each line must be one complete JSON document.',
      );
    }
    const problem = nestsDeeperThan(doc, MAX_JSON_DEPTH)
      ? `Document nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`
      : validateDocument(doc);
    if (problem) {
      throw new ImportError(
        'InvalidDocument',
        `Failed to parse line #${line}: ${problem}`,
        'Fix the document on that line.',
      );
    }
    documents.push({ line, size: row.length, doc: doc as ParsedDocument['doc'] });
  }
  return documents;
}
