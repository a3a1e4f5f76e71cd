// Plain text for descriptions and search. The @portabletext/toolkit function
// is the reference (the conformance vectors are its tests), so it does the
// work: span text only, a blank line between blocks. Non-text members are
// dropped first because the toolkit leaves a trailing blank line for each one
// at the end of a body. Pull quotes repeat the story's words and captions
// describe photos, so neither belongs in the text.
import { isPortableTextBlock, toPlainText as toolkitToPlainText } from '@portabletext/toolkit';
import type { BodyMember, TextBlock } from './body-types.ts';

function isTextBlock(member: unknown): member is TextBlock {
  return typeof member === 'object' && member !== null && isPortableTextBlock(member as TextBlock);
}

export function toPlainText(blocks: TextBlock | readonly BodyMember[]): string {
  if (!Array.isArray(blocks)) return isTextBlock(blocks) ? toolkitToPlainText(blocks) : '';
  const members: readonly unknown[] = blocks;
  return toolkitToPlainText(members.filter(isTextBlock));
}
