// The `document` options of the Studio config: which actions and badges each
// type gets, and what the "new document" menus offer.
import type { DocumentActionsResolver, DocumentBadgesResolver, NewDocumentOptionsResolver } from 'sanity';
import { SINGLETON_ACTIONS, SINGLETON_TYPES } from './singletons.ts';
import { duplicateAsNewStory } from './story-duplicate.ts';
import { StoryDraftBadge, StoryStatusBadge } from './story-status-badge.ts';
import { STORY_IN_SECTION_TEMPLATE } from './templates.ts';

export { templates } from './templates.ts';

export const documentActions: DocumentActionsResolver = (actions, context) => {
  if (SINGLETON_TYPES.has(context.schemaType)) {
    return actions.filter((action) => action.action && SINGLETON_ACTIONS.has(action.action));
  }
  if (context.schemaType === 'story') {
    return actions.map((action) => (action.action === 'duplicate' ? duplicateAsNewStory(action) : action));
  }
  return actions;
};

export const documentBadges: DocumentBadgesResolver = (badges, context) =>
  context.schemaType === 'story' ? [...badges, StoryStatusBadge, StoryDraftBadge] : badges;

/**
 * "Create" menus never offer a singleton (their templates are gone too; this
 * covers plugin-added ones), and the global menu has no section to file a
 * story-in-section under.
 */
export const newDocumentOptions: NewDocumentOptionsResolver = (items, { creationContext }) =>
  items.filter(
    (item) =>
      !SINGLETON_TYPES.has(item.templateId) &&
      !(creationContext.type === 'global' && item.templateId === STORY_IN_SECTION_TEMPLATE),
  );
