// Who said it, printed the same way under a pull quote and on an inline quote.
import { contributorName } from '../../../schemas/queries/results.ts';

type Speaker = Parameters<typeof contributorName>[0];

/** "Name, role", "Name", or `undefined` when nobody is named. */
export function attribution(speaker: Speaker, role: string | undefined): { name: string; text: string } | undefined {
  const name = contributorName(speaker)?.trim();
  if (!name) return undefined;
  const trimmedRole = role?.trim();
  return { name, text: trimmedRole ? `${name}, ${trimmedRole}` : name };
}
