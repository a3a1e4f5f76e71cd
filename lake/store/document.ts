/** A stored Sanity document: any JSON object with a string `_id`. */
export type LakeDocument = {
  _id: string;
  _type?: string;
  _rev?: string;
  _createdAt?: string;
  _updatedAt?: string;
  [field: string]: unknown;
};

export function isLakeDocument(value: unknown): value is LakeDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { _id?: unknown })._id === 'string'
  );
}

/** Sanity's natural order for `*` is by `_id` (the GROQ test suite expects it). */
export function compareIds(a: LakeDocument, b: LakeDocument): number {
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}
