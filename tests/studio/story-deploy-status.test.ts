// What the deploy status badge says about a story, from the publisher's
// deployment documents: each case is the deployments (as the badge's query
// returns them, newest first) and the story's published version.
import { describe, expect, it } from 'vitest';
import { deployStatusLabel, shortReason } from '../../studio/deploys/deploy-status-label.ts';
import { PUBLISHER_KEEPS, type StoryVersion, storyDeployState } from '../../studio/deploys/story-deploy-state.ts';
import type { StoryDeployment } from '../../studio/deploys/story-deployments-query.ts';

const STORY = 'story-oil-ministry';
const now = new Date('2026-05-01T15:00:00Z');
const at = (hhmm: string, day = '2026-05-01') => `${day}T${hhmm}:00.000Z`;

let runs = 0;
/** A deployment that started at `start` and (when finished) finished two minutes later. */
function deploy(
  status: StoryDeployment['status'],
  start: string,
  options: { revision?: string; changed?: string[]; error?: string; day?: string } = {},
): StoryDeployment {
  const started = at(start, options.day);
  runs += 1;
  return {
    _id: `deployment-${runs}`,
    status,
    startedAt: started,
    finishedAt: status === 'building' ? null : new Date(Date.parse(started) + 120_000).toISOString(),
    error: options.error ?? null,
    changedIds: options.changed ?? [],
    revision: options.revision ?? null,
  };
}
const live = (start: string, revision?: string, changed?: string[], day?: string) =>
  deploy('live', start, { revision, changed, day });

const published = (rev: string, fields: Record<string, string> = {}): StoryVersion => ({
  id: STORY,
  published: { _rev: rev, publishedAt: '2026-04-30T08:00:00Z', ...fields },
});

function status(story: StoryVersion, deployments: StoryDeployment[]) {
  const state = storyDeployState(story, deployments, now);
  return state.kind === 'unknown' ? state : deployStatusLabel(state, { now, locale: 'en-GB', timeZone: 'UTC' });
}

const SETTINGS_FAILURE = 'The build failed: SiteSettingsMissing: There is no published siteSettings document.';

describe('the deploy status badge', () => {
  it.each<[string, StoryVersion, StoryDeployment[], string]>([
    ['never published', { id: STORY, published: null }, [live('14:00', undefined)], 'Not on the site'],
    [
      'live in the newest release only: since that release finished',
      published('r2'),
      [live('14:00', 'r2', [STORY]), live('13:00', 'r1')],
      'Live since 14:02',
    ],
    [
      'a rollback overtaken by a build that started before it: the build went live last',
      published('r2'),
      [
        { ...live('14:01', 'r1'), finishedAt: at('14:01') },
        { ...live('14:00', 'r2', [STORY]), finishedAt: at('14:05') },
        live('12:00', 'r1'),
      ],
      'Live since 14:05',
    ],
    [
      'live in several releases in a row: since the oldest of them',
      published('r2'),
      [live('14:00', 'r2', ['other']), live('13:00', 'r2', [STORY]), live('12:00', 'r1')],
      'Live since 13:02',
    ],
    [
      'a failed deploy between live ones changes nothing readers see',
      published('r2'),
      [
        live('14:00', 'r2', ['other']),
        deploy('failed', '13:30', { changed: ['other'], error: 'x' }),
        live('13:00', 'r2', [STORY]),
        live('12:00', 'r1'),
      ],
      'Live since 13:02',
    ],
    [
      'in the first release ever: since then',
      published('r2'),
      [live('14:00', 'r2', ['other']), live('13:00', 'r2')],
      'Live since 13:02',
    ],
    [
      'in every release recorded, older ones pruned: since then or earlier',
      published('r2'),
      Array.from({ length: PUBLISHER_KEEPS }, (_, i) => live(`14:${String(40 - 2 * i).padStart(2, '0')}`, 'r2')),
      'Live since 14:04 or earlier',
    ],
    [
      'live since another day: the date is given',
      published('r2'),
      [
        live('14:00', 'r2', ['other']),
        live('09:00', 'r2', [STORY], '2026-04-30'),
        live('08:00', 'r1', [], '2026-04-30'),
      ],
      'Live since 30 Apr, 09:02',
    ],
    [
      'being built with its new version',
      published('r3'),
      [deploy('building', '14:30', { changed: [STORY] }), live('14:00', 'r2', [STORY]), live('13:00', 'r1')],
      'Building…',
    ],
    [
      'a build for other documents leaves it live',
      published('r2'),
      [deploy('building', '14:30', { changed: ['other'] }), live('14:00', 'r2', [STORY]), live('13:00', 'r1')],
      'Live since 14:02',
    ],
    [
      'a full publish (start-up) builds a story not live yet',
      published('r3'),
      [deploy('building', '14:30'), live('14:00', 'r2', [STORY])],
      'Building…',
    ],
    [
      'a full publish leaves a live story live',
      published('r2'),
      [deploy('building', '14:30'), live('14:00', 'r2', [STORY]), live('13:00', 'r1')],
      'Live since 14:02',
    ],
    [
      'an old build that never finished (publisher stopped) is not building',
      published('r3'),
      [live('14:00', 'r2', ['other']), deploy('building', '13:30', { changed: [STORY] }), live('13:00', 'r1')],
      'Not live yet',
    ],
    [
      'its newest deploy failed: the reason, without the preamble',
      published('r3'),
      [
        deploy('failed', '14:30', { changed: [STORY], error: SETTINGS_FAILURE }),
        live('14:00', 'r2', [STORY]),
        live('13:00', 'r1'),
      ],
      'Failed: SiteSettingsMissing: There is no published siteSettings document.',
    ],
    [
      'a failed deploy for other documents does not concern it',
      published('r2'),
      [
        deploy('failed', '14:30', { changed: ['siteSettings'], error: SETTINGS_FAILURE }),
        live('14:00', 'r2', [STORY]),
        live('13:00', 'r1'),
      ],
      'Live since 14:02',
    ],
    [
      'a later release with its version makes up for a failure',
      published('r3'),
      [
        live('14:40', 'r3', ['other']),
        deploy('failed', '14:30', { changed: [STORY], error: SETTINGS_FAILURE }),
        live('14:00', 'r2', [STORY]),
      ],
      'Live since 14:42',
    ],
    [
      'a later release without its version does not',
      published('r3'),
      [
        live('14:40', 'r2', ['other']),
        deploy('failed', '14:30', { changed: [STORY], error: SETTINGS_FAILURE }),
        live('14:00', 'r2', [STORY]),
      ],
      'Failed: SiteSettingsMissing: There is no published siteSettings document.',
    ],
    [
      'a failed full publish concerns a story not live yet',
      published('r1'),
      [deploy('failed', '14:00', { error: 'The build failed: the build process died (exit 1)' })],
      'Failed: the build process died (exit 1)',
    ],
    [
      'published, its version in no release yet (readers see an earlier one)',
      published('r3'),
      [live('14:00', 'r2', [STORY])],
      'Not live yet',
    ],
    [
      'embargoed: no release shows it before its publication time',
      published('r1', { publishedAt: '2026-05-02T09:30:00Z' }),
      [live('14:00', undefined, ['other'])],
      'Embargoed until 2 May 2026, 09:30',
    ],
    [
      'taken down: its take-down time has passed and no release shows it',
      published('r1', { unpublishAt: '2026-05-01T12:00:00Z' }),
      [live('12:00', undefined, [STORY]), live('11:00', 'r1')],
      'Taken down',
    ],
    [
      'take-down time passed but the release still shows it: readers still see it',
      published('r1', { unpublishAt: '2026-05-01T14:59:00Z' }),
      [live('14:00', 'r1', ['other']), live('11:00', undefined)],
      'Live since 14:02',
    ],
  ])('%s', (_case, story, deployments, label) => {
    expect(status(story, deployments)).toMatchObject({ label });
  });

  it('says nothing of deploys when none is recorded (no publisher reports to this lake)', () => {
    expect(status(published('r1'), [])).toEqual({ kind: 'unknown' });
  });

  it('reads the deployments in time order whatever order they come in', () => {
    const deployments = [live('12:00', 'r1'), live('14:00', 'r2', [STORY]), live('13:00', 'r1')];
    expect(status(published('r2'), deployments)).toMatchObject({ label: 'Live since 14:02' });
  });

  it('colours the badge by what the editor should do', () => {
    const failed = status(published('r3'), [deploy('failed', '14:30', { changed: [STORY], error: 'x' })]);
    const building = status(published('r3'), [deploy('building', '14:30', { changed: [STORY] })]);
    const isLive = status(published('r2'), [live('14:00', 'r2', [STORY])]);
    expect([failed, building, isLive].map((s) => 'color' in s && s.color)).toEqual(['danger', 'primary', 'success']);
  });

  it('says the story was left out as invalid, and why, when the live release skipped it', () => {
    const problem = 'headline: Too small: expected string to have >=1 characters.';
    const skipped = {
      ...live('14:00', undefined, [STORY]),
      skipped: `${problem} Edit it: http://studio/intent/edit/x/`,
    };
    const badge = status(published('r2'), [skipped, live('13:00', 'r1')]);
    expect(badge).toMatchObject({ label: `Left out: ${problem}`, color: 'danger' });
    expect('title' in badge && badge.title).toBe(
      `The last deploy left this version out as invalid: ${problem} Fix the field and publish again.`,
    );
    // A later release that shows the fixed version is what counts.
    expect(status(published('r3'), [live('14:30', 'r3', [STORY]), skipped])).toMatchObject({
      label: 'Live since 14:32',
    });
  });

  it('gives the whole failure in the tooltip and a short one in the label', () => {
    const reason = `The build failed: ${'InvalidDocument: a very long explanation '.repeat(5)}\n  at line 2`;
    const badge = status(published('r3'), [deploy('failed', '14:30', { changed: [STORY], error: reason })]);
    expect(badge).toMatchObject({ label: `Failed: ${shortReason(reason)}` });
    expect('title' in badge && badge.title).toContain(reason);
    expect(shortReason(reason)).toHaveLength(80);
    expect(shortReason(reason)).toMatch(/^InvalidDocument: a very long explanation .*…$/);
  });
});
