// Slug fields are required, with a message saying how to fill them. Sanity
// passes every slug field's validation a rule that already checks the slug is
// unique ("Slug is already in use"), and `.error(message)` re-words every
// failure of the rule it is called on, so a duplicate slug would read "Generate
// a slug". The presence check therefore gets a rule of its own (reset() keeps
// only the type check), and the rule Sanity passed in keeps its own messages.
import type { Rule } from 'sanity';

/** Validation for a required slug field: `validation: requiredSlug('Generate a slug from the headline.')`. */
export function requiredSlug(message: string) {
  return (rule: Rule): Rule[] => [rule, rule.clone().reset().required().error(message)];
}
