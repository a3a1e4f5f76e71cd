// Reads the part of CBOR (RFC 8949) Pagefind writes its index files in:
// unsigned and negative integers, text and byte strings, and arrays, all of
// definite length. A reader walks the bytes in order, so a caller decodes
// what it needs and skips the rest without building it (an index file holds
// thousands of words; a search needs a few). Anything else means the file is
// not what this code was written for, and it says so rather than guess.

const MAJOR = { unsigned: 0, negative: 1, bytes: 2, text: 3, array: 4 } as const;

export class CborReader {
  private at = 0;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The next item's major type and argument (a number, a length), moving past its head. */
  private head(): { major: number; n: number } {
    if (this.at >= this.bytes.length) throw new Error('CBOR: the data ends in the middle of a value');
    const initial = this.view.getUint8(this.at++);
    const info = initial & 0x1f;
    if (info < 24) return { major: initial >> 5, n: info };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size || this.at + size > this.bytes.length) throw new Error(`CBOR: unsupported length at byte ${this.at}`);
    const v = this.view;
    const at = this.at;
    const n =
      size === 1
        ? v.getUint8(at)
        : size === 2
          ? v.getUint16(at)
          : size === 4
            ? v.getUint32(at)
            : Number(v.getBigUint64(at));
    this.at += size;
    return { major: initial >> 5, n };
  }

  private expect(major: number, what: string): number {
    const start = this.at;
    const head = this.head();
    if (head.major !== major) throw new Error(`CBOR: ${what} expected at byte ${start}`);
    return head.n;
  }

  private take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new Error('CBOR: a string runs past the end of the data');
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  /** The length of the array that starts here; its items follow. */
  arrayLength(): number {
    return this.expect(MAJOR.array, 'a list');
  }

  text(): string {
    return this.utf8.decode(this.take(this.expect(MAJOR.text, 'text')));
  }

  integer(): number {
    const start = this.at;
    const { major, n } = this.head();
    if (major === MAJOR.unsigned) return n;
    if (major === MAJOR.negative) return -1 - n;
    throw new Error(`CBOR: a number expected at byte ${start}`);
  }

  /** Moves past the next item, whatever it holds. */
  skip(): void {
    const start = this.at;
    const { major, n } = this.head();
    if (major === MAJOR.bytes || major === MAJOR.text) this.take(n);
    else if (major === MAJOR.array) for (let i = 0; i < n; i++) this.skip();
    else if (major !== MAJOR.unsigned && major !== MAJOR.negative) {
      throw new Error(`CBOR: unsupported major type ${major} at byte ${start}`);
    }
  }
}
