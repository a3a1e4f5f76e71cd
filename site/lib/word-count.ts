// The number of words in running text: runs of characters between
// whitespace, as `text.split(/\s+/).filter(Boolean).length` counts them.
// Counted in place because splitting a 10k-story first build's bodies into
// word arrays allocated 240 MB on the build's busiest thread, all garbage.

/** Whether a UTF-16 code unit is whitespace as a regular expression's `\s` means it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
