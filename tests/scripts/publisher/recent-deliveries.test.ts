// The publisher's memory of accepted deliveries: repeats are known while
// their signature could still pass, and the memory stays bounded.
import { describe, expect, it } from 'vitest';
import { recentDeliveries } from '../../../scripts/publisher/recent-deliveries.ts';

describe('recent deliveries', () => {
  it('knows a key until it expires, then forgets it', () => {
    let now = 1_000;
    const seen = recentDeliveries({ now: () => now });
    expect(seen.firstTime(['a'], 2_000)).toBe(true);
    expect(seen.firstTime(['a'], 2_000)).toBe(false);
    expect(seen.firstTime(['b', 'a'], 2_000)).toBe(false);
    now = 2_001;
    expect(seen.firstTime(['a'], 3_000)).toBe(true);
    expect(seen.size()).toBe(1);
  });

  it('keeps at most `max` keys, forgetting the oldest', () => {
    const seen = recentDeliveries({ max: 100, now: () => 0 });
    for (let i = 0; i < 1_000; i++) seen.firstTime([`key-${i}`], 60_000);
    expect(seen.size()).toBe(100);
    expect(seen.firstTime(['key-999'], 60_000)).toBe(false);
    expect(seen.firstTime(['key-0'], 60_000)).toBe(true);
  });
});
