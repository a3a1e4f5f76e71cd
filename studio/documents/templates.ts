// Initial-value templates: what "Create" fills in. The site settings have no
// template, so no menu offers to create a second one; a story created from a
// section's list starts filed in that section.
import type { Template } from 'sanity';
import { SINGLETON_TYPES } from './singletons.ts';

export const STORY_IN_SECTION_TEMPLATE = 'story-in-section';

const storyInSection: Template<{ sectionId: string }> = {
  id: STORY_IN_SECTION_TEMPLATE,
  title: 'Story in this section',
  schemaType: 'story',
  parameters: [{ name: 'sectionId', type: 'string' }],
  value: ({ sectionId }: { sectionId: string }) => ({ section: { _type: 'reference', _ref: sectionId } }),
};

export function templates(defaults: Template[]): Template[] {
  return [...defaults.filter((t) => !SINGLETON_TYPES.has(t.schemaType)), storyInSection as Template];
}
