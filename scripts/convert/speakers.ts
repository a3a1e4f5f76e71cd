// The speaker of a quote or pull quote directive: `{speaker=key}` names a
// speaker declared in the front matter; `{role=…}` overrides the declared role
// for one quote (when the story describes the speaker differently there).

import type { ConvertContext, SpeakerInfo } from './context.ts';
import type { ContainerDirective, LeafDirective, TextDirective } from './mdast-types.ts';

export function resolveSpeaker(
  node: TextDirective | LeafDirective | ContainerDirective,
  ctx: ConvertContext,
  directive: string,
): SpeakerInfo & { key: string } {
  const key = node.attributes?.speaker;
  if (!key) ctx.fail('MissingSpeaker', [directive], node);
  const declared = ctx.speakers.get(key);
  if (!declared) ctx.fail('UndeclaredSpeaker', [key, [...ctx.speakers.keys()].join(', ') || 'none'], node);
  const role = node.attributes?.role?.trim() || declared.speakerRole;
  return { key, speaker: declared.speaker, ...(role ? { speakerRole: role } : {}) };
}
