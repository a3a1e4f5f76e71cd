/**
 * A rejected import. Messages follow @sanity/import's wording (tests compare
 * them with upstream's); `hint` says what to do about it.
 */
export class ImportError extends Error {
  readonly hint: string;

  constructor(name: string, message: string, hint: string) {
    super(message);
    this.name = name;
    this.hint = hint;
  }
}
