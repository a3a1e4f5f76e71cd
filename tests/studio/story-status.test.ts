// What editors read about a story's standing: the badge beside its title and
// the timing in its list preview.
import { describe, expect, it } from 'vitest';
import { storyType, timing } from '../../schemas/story.ts';
import { storyStatus } from '../../studio/documents/story-status-badge.ts';
import { nextInstant } from '../../studio/documents/use-now-passing.ts';

const now = new Date('2026-05-01T12:00:00Z');
const past = { publishedAt: '2026-04-30T08:00:00Z' };
const future = { publishedAt: '2026-05-02T09:30:00Z' };

describe('the story status badge', () => {
  it.each([
    ['never published', { published: null, draft: past }, 'Not on the site', 'warning'],
    ['published, nothing pending', { published: past, draft: null }, 'On the site', 'success'],
    ['published, being edited', { published: past, draft: past }, 'On the site, with unpublished changes', 'success'],
  ])('%s', (_case, versions, label, color) => {
    expect(storyStatus(versions, now)).toMatchObject({ label, color });
  });

  it('says a published story with a future publication time is embargoed until then', () => {
    const status = storyStatus({ published: future, draft: null }, now);
    expect(status.label).toBe(`Embargoed until ${new Date(future.publishedAt).toLocaleString()}`);
  });

  it('says a published story whose take-down time has passed is off the site, not on it', () => {
    const takenDown = { ...past, unpublishAt: '2026-05-01T06:00:00Z' };
    expect(storyStatus({ published: takenDown, draft: null }, now)).toMatchObject({ label: 'Taken down' });
    const later = { ...past, unpublishAt: '2026-05-03T06:00:00Z' };
    expect(storyStatus({ published: later, draft: null }, now)).toMatchObject({ label: 'On the site' });
  });
});

describe('the timing in story previews', () => {
  it.each([
    [past.publishedAt, '2026-04-30'],
    [future.publishedAt, 'Embargoed until 2026-05-02 09:30 UTC'],
    [undefined, 'No publication time'],
    ['not a date', 'No publication time'],
  ])('%s → %s', (publishedAt, expected) => {
    expect(timing(publishedAt, now)).toBe(expected);
  });
});

describe('the story list preview', () => {
  const prepare = storyType.preview.prepare;
  it.each([
    ['drafts.story-1', 'Technology · Draft · 2026-04-30'],
    ['story-1', 'Technology · Published · 2026-04-30'],
    [undefined, 'Technology · 2026-04-30'],
  ])('says which version is newest (%s)', (originalId, subtitle) => {
    expect(prepare({ title: 'A', section: 'Technology', publishedAt: past.publishedAt, originalId })).toMatchObject({
      title: 'A',
      subtitle,
    });
  });

  it('names what is missing rather than showing nothing', () => {
    expect(prepare({ originalId: 'drafts.x' })).toMatchObject({
      title: 'Untitled story',
      subtitle: 'No section · Draft · No publication time',
    });
  });
});

describe('when the badge looks at the clock again', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['an embargo ends first', ['2026-05-02T09:30:00Z', '2026-05-03T06:00:00Z'], '2026-05-02T09:30:00Z'],
    ['the take-down time, once published', ['2026-04-30T08:00:00Z', '2026-05-01T12:00:20Z'], '2026-05-01T12:00:20Z'],
    ['written with an offset', ['2026-05-01T14:30:00+02:00', undefined], '2026-05-01T12:30:00Z'],
  ])('%s', (_case, instants, expected) => {
    expect(nextInstant(instants, now.getTime())).toBe(at(expected));
  });

  it('does not when both times have passed or are not dates', () => {
    expect(nextInstant(['2026-04-30T08:00:00Z', now.toISOString(), 'soon', null], now.getTime())).toBeUndefined();
  });
});
