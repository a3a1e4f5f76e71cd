// A story's deploy state in the editor's words, as a document badge: the
// label is short enough for the document footer, the tooltip says the rest.
// Times are in the editor's locale and time zone unless a test fixes them.
import type { DocumentBadgeDescription } from 'sanity';
import type { DeployState } from './story-deploy-state.ts';

export type LabelOptions = {
  /** "Today" for choosing between a time alone and a date with time. */
  now: Date;
  /** BCP 47 locale; the browser's when absent. */
  locale?: string;
  /** IANA time zone; the browser's when absent. */
  timeZone?: string;
};

/** Longest failure reason the label shows; the tooltip has it whole. */
const REASON_CHARS = 80;

type Described = Exclude<DeployState, { kind: 'unknown' }>;

const describe = {
  notPublished: () => ({
    label: 'Not on the site',
    title: 'Publish the story to put it on the site.',
    color: 'warning',
  }),
  live: ({ since, exact }, o) => ({
    label: `Live since ${when(since, o)}${exact ? '' : ' or earlier'}`,
    title: exact
      ? `Readers have seen this version since ${full(since, o)}.`
      : `Readers have seen this version since ${full(since, o)} at the latest: older deploys are no longer recorded.`,
    color: 'success',
  }),
  building: ({ startedAt }, o) => ({
    label: 'Building…',
    title: `The site is being rebuilt with this version (started ${when(startedAt, o)}). Readers still see the previous one.`,
    color: 'primary',
  }),
  failed: ({ reason, at }, o) => ({
    label: `Failed: ${shortReason(reason)}`,
    title: `The deploy at ${when(at, o)} failed, so readers still see the previous release. ${reason}`,
    color: 'danger',
  }),
  embargoed: ({ until }, o) => ({
    label: `Embargoed until ${full(until, o)}`,
    title: 'Published, but readers see it only from its publication time.',
    color: 'primary',
  }),
  takenDown: ({ at }, o) => ({
    label: 'Taken down',
    title: `Its take-down time passed (${full(at, o)}), so it is off the site. Clear "Take down at" and publish to bring it back.`,
    color: 'warning',
  }),
  notLive: ({ earlierVersionLive, invalid }) => {
    if (invalid) {
      // The build's link to the document is for the log; the editor is on the document already.
      const problem = invalid.replace(/\s*Edit it: \S+$/, '');
      return {
        label: `Left out: ${shortReason(problem)}`,
        title: `The last deploy left this version out as invalid: ${problem} ${
          earlierVersionLive ? 'Readers still see an earlier version. ' : ''
        }Fix the field and publish again.`,
        color: 'danger',
      };
    }
    return {
      label: 'Not live yet',
      title: earlierVersionLive
        ? 'Readers still see an earlier version; the next deploy puts this one live. If it does not, the build skipped the story as invalid: see the publisher log.'
        : 'No live release shows it yet; the next deploy puts it live. If it does not, the build skipped the story as invalid: see the publisher log.',
      color: 'warning',
    };
  },
} satisfies {
  [K in Described['kind']]: (state: Extract<Described, { kind: K }>, options: LabelOptions) => DocumentBadgeDescription;
};

export function deployStatusLabel(state: Described, options: LabelOptions): DocumentBadgeDescription {
  const render = describe[state.kind] as (s: Described, o: LabelOptions) => DocumentBadgeDescription;
  return render(state, options);
}

/** "14:02" today, "3 May, 14:02" on another day (in the editor's locale). */
function when(at: Date, { now, locale, timeZone }: LabelOptions): string {
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone });
  const time = { hour: '2-digit', minute: '2-digit', timeZone } as const;
  return day(at) === day(now)
    ? at.toLocaleTimeString(locale, time)
    : at.toLocaleString(locale, { ...time, day: 'numeric', month: 'short' });
}

function full(at: Date, { locale, timeZone }: LabelOptions): string {
  return at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

/** The build's own words, without the publisher's "The build failed:" preamble, on one line. */
export function shortReason(reason: string): string {
  const line = (reason.replace(/^The build failed:\s*/, '').split('\n')[0] ?? '').trim();
  return line.length > REASON_CHARS ? `${line.slice(0, REASON_CHARS - 1).trimEnd()}…` : line || 'no reason given';
}
