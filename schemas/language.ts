// The language of some words, as a BCP 47 tag: a story's, or a quote's when
// its words are in another language than the story around it (a Persian
// minister quoted in an English story). The site's own language is English;
// words that name no language are in the language of what holds them.
import type { FieldDefinition } from 'sanity';
import { z } from 'zod';

/** Whether text is a BCP 47 language tag as editors write one: "fa", "ar", "zh-Hans", "pt-BR". */
export function isLanguageTag(text: string): boolean {
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(text)) return false;
  try {
    return Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

/** The Studio field, checked as the build checks it; `description` says when to fill it in. */
export function languageField(description: string, otherwise: string, group?: string): FieldDefinition {
  return {
    name: 'language',
    title: 'Language',
    type: 'string',
    ...(group ? { group } : {}),
    description,
    validation: (rule) =>
      rule.custom((value) =>
        typeof value !== 'string' || isLanguageTag(value)
          ? true
          : `Write a language tag such as "fa", "ar" or "zh-Hans", or leave it empty ${otherwise}.`,
      ),
  };
}

export const languageValue = z.string().refine(isLanguageTag, 'A language tag such as "fa" or "zh-Hans"').optional();
