// Newsroom-sounding text from the word lists: headlines, deks, sentences and
// names. Realistic enough to exercise layouts, search and feeds.
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';

const headlineOrgs = words.organisations.filter((o) => !o.startsWith('the '));

export function personName(r: Random): string {
  return `${r.pick(words.firstNames)} ${r.pick(words.lastNames)}`;
}

export function headline(r: Random): string {
  const who = r.chance(0.7) ? r.pick(headlineOrgs) : `${r.pick(words.places)} City Council`;
  return [who, r.pick(words.headlineVerbs), r.pick(words.headlineObjects), r.pick(words.headlineTails)]
    .filter(Boolean)
    .join(' ');
}

export function sentence(r: Random): string {
  const subject = r.chance(0.5)
    ? `${r.pick(words.sentenceSubjects)} in ${r.pick(words.places)}`
    : r.pick(words.sentenceSubjects);
  const tail = r.chance(0.6) ? `, ${r.pick(words.sentenceTails)}` : '';
  const about = r.chance(0.4) ? ` at ${r.pick(words.organisations)}` : '';
  return `${subject}${about} ${r.pick(words.sentenceVerbs)} ${r.pick(words.sentenceObjects)}${tail}.`;
}

export function sentences(r: Random, count: number): string {
  return Array.from({ length: count }, () => sentence(r)).join(' ');
}

export function dek(r: Random): string {
  return sentence(r);
}

export function subhead(r: Random): string {
  return `‘${r.pick(words.headlineObjects)}’`;
}
