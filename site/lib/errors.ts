// The build's error catalog. Each entry has a stable name (tests assert it), a
// message saying what happened and a hint saying what to do next.
export type CatalogEntry<A extends unknown[]> = {
  name: string;
  message: (...args: A) => string;
  hint: string;
};

function entry<A extends unknown[]>(name: string, message: (...args: A) => string, hint: string): CatalogEntry<A> {
  return { name, message, hint };
}

/** Where content comes from (SANITY_*) and the site's own settings are said alike. */
const variableInvalid = (variable: string, problem: string) => `${variable} is invalid: ${problem}.`;
// Nothing reads a .env file: the variables come from the environment the command runs in.
const FIX_VARIABLE =
  'Fix or unset the variable in the environment the command runs in (.env.example says what each takes).';

export const errors = {
  ContentConfigInvalid: entry('ContentConfigInvalid', variableInvalid, FIX_VARIABLE),
  SiteSettingInvalid: entry('SiteSettingInvalid', variableInvalid, FIX_VARIABLE),
  ContentHostMissing: entry(
    'ContentHostMissing',
    () => 'SANITY_API_HOST is not set, so there is no content lake to read from.',
    'Run `npm run build`, which starts the embedded lake itself, or set SANITY_API_HOST to a running lake or https://api.sanity.io.',
  ),
  ContentHostUnreachable: entry(
    'ContentHostUnreachable',
    (host: string, cause: string) => `The content lake at ${host} did not answer: ${cause}.`,
    'Check that the lake is running (npm start) or that SANITY_API_HOST and SANITY_TOKEN are right.',
  ),
  ContentDatasetMissing: entry(
    'ContentDatasetMissing',
    (dataset: string, host: string, cause: string) =>
      `SANITY_DATASET names a dataset that does not exist: "${dataset}" on ${host} (${cause}).`,
    'Set SANITY_DATASET to one of the project’s datasets (sanity.io/manage → Datasets), or import content into this one: npm run import -- <folder> --dataset <name>.',
  ),
  ContentTokenRefused: entry(
    'ContentTokenRefused',
    (host: string, sent: string, cause: string) =>
      `The content lake at ${host} refused the build’s read with ${sent}: ${cause}.`,
    'Set SANITY_TOKEN to a token that may read the dataset (npm run token -- create --name build --role viewer, or sanity.io/manage → API → Tokens), or unset it for a public dataset.',
  ),
  ContentQueryFailed: entry(
    'ContentQueryFailed',
    (collection: string, cause: string) => `Loading the "${collection}" collection failed: ${cause}.`,
    'The query in schemas/queries/ may not match the lake; the message above names the problem.',
  ),
  InvalidDocument: entry(
    'InvalidDocument',
    (id: string, type: string, path: string, problem: string) =>
      `Document "${id}" (${type}) is invalid at ${path}: ${problem}.`,
    'Open the document in the Studio, fix the field, and publish again.',
  ),
  ControlCharactersRemoved: entry(
    'ControlCharactersRemoved',
    (id: string, type: string, paths: string) =>
      `Document "${id}" (${type}) has control characters at ${paths}; the site prints them as spaces (vertical tab, form feed), as the Windows punctuation they stand for (U+0080–U+009F: ’ “ ” – …) or leaves them out.`,
    'They usually come with text pasted from another program. Nothing is broken; to be rid of this warning, retype the text around them in the Studio and publish again.',
  ),
  InvalidDocumentsStrict: entry(
    'InvalidDocumentsStrict',
    (count: number, first: string) =>
      `${count} invalid document(s) and strict mode is on, so the build stops. ${count > 1 ? 'The first: ' : ''}${first}`,
    'Fix the documents listed above, or build without --strict to skip them with a warning.',
  ),
  ImageSourceUnavailable: entry(
    'ImageSourceUnavailable',
    (assetId: string, url: string, cause: string) =>
      `The original of image ${assetId} could not be fetched from ${url}: ${cause}.`,
    'Check that the content host is running and serves /images/; re-upload the image in the Studio if it is missing.',
  ),
  SiteSettingsMissing: entry(
    'SiteSettingsMissing',
    () => 'There is no published siteSettings document.',
    'Open "Site settings" in the Studio and publish it, or import the seed with `npm run seed`.',
  ),
} as const;

export type ErrorName = keyof typeof errors;

/** Whether `name` is one of the catalog's errors (for errors that crossed a thread as plain data). */
export function isErrorName(name: string): name is ErrorName {
  return Object.hasOwn(errors, name);
}

/** An error from the catalog, carrying its stable name and hint. */
export class NewsroomError extends Error {
  readonly hint: string;
  override readonly name: string;
  constructor(entryName: ErrorName, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = entryName;
    this.hint = errors[entryName].hint;
  }
}

/** Builds a catalog error: `raise('InvalidDocument', id, type, path, problem)`. */
export function newsroomError<N extends ErrorName>(
  name: N,
  ...args: Parameters<(typeof errors)[N]['message']>
): NewsroomError {
  const message = (errors[name].message as (...a: unknown[]) => string)(...args);
  return new NewsroomError(name, message);
}
