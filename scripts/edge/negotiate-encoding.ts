// Picks the precompressed form the client prefers (RFC 9110 §12.5.3): the
// highest q-value wins; on a tie brotli, the smaller of the two. q=0 refuses.
export type Encoding = 'br' | 'gz';

/** Our forms, in the order a tie goes, with the coding name clients use. */
const CODINGS: readonly [Encoding, string][] = [
  ['br', 'br'],
  ['gz', 'gzip'],
];

export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    // x-gzip is gzip (RFC 9110 §8.4.1.3): old clients and some proxies still say it.
    const coding = name.trim() === 'x-gzip' ? 'gzip' : name.trim();
    accepted.set(coding, q ? Number(q.slice(2)) : 1);
  }
  let best: { encoding: Encoding; q: number } | undefined;
  for (const [encoding, coding] of CODINGS) {
    if (!available.includes(encoding)) continue;
    const q = accepted.get(coding) ?? accepted.get('*') ?? 0;
    // NaN (a malformed q) fails both comparisons, so it is refused too.
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}
