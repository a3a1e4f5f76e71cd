// Stories, as the desk looks for them: everything, what still has changes to
// publish, what is published as it stands, and each section's stories.
//
// Document lists query through the Studio's perspective (`drafts` here), so a
// story with unpublished changes is seen as its draft, under the published id,
// with `_originalId` telling which version that is. "Drafts" and "Published"
// therefore split the stories by their newest version: a published story
// that someone is editing moves to Drafts until the edit is published.
// The same filter drives the list's listener, which sees stored documents
// (no `_originalId`): `!defined(_originalId)` lets every story change through
// there, so both lists refresh when a story moves between them.
import { DocumentsIcon } from '@sanity/icons/Documents';
import { EditIcon } from '@sanity/icons/Edit';
import { FolderIcon } from '@sanity/icons/Folder';
import { PublishIcon } from '@sanity/icons/Publish';
import type { ListItemBuilder, StructureBuilder, StructureResolverContext } from 'sanity/structure';
import { STORY_IN_SECTION_TEMPLATE } from '../documents/templates.ts';

const STORY = 'story';
const DRAFT_VERSION = '(!defined(_originalId) || _originalId in path("drafts.**"))';
const PUBLISHED_VERSION = '(!defined(_originalId) || !(_originalId in path("drafts.**")))';
const byNewest = [{ field: '_updatedAt', direction: 'desc' as const }];
/** The API version custom list filters are evaluated with. */
const LIST_API_VERSION = '2025-02-19';

export function storiesItem(S: StructureBuilder, _context: StructureResolverContext): ListItemBuilder {
  return S.listItem()
    .id('stories')
    .title('Stories')
    .icon(DocumentsIcon)
    .child(
      S.list()
        .id('stories')
        .title('Stories')
        .items([
          S.documentTypeListItem(STORY).id('all').title('All stories'),
          S.listItem()
            .id('drafts')
            .title('Drafts')
            .icon(EditIcon)
            .child(storyList(S, 'drafts', 'Drafts: changes not yet published', DRAFT_VERSION)),
          S.listItem()
            .id('published')
            .title('Published')
            .icon(PublishIcon)
            .child(storyList(S, 'published', 'Published, no pending changes', PUBLISHED_VERSION)),
          S.divider(),
          S.listItem()
            .id('by-section')
            .title('By section')
            .icon(FolderIcon)
            .child(
              S.documentTypeList('section')
                .title('Stories by section')
                .child((sectionId) =>
                  S.documentList()
                    .id(`section-${sectionId}`)
                    .title('Stories in this section')
                    .schemaType(STORY)
                    .apiVersion(LIST_API_VERSION)
                    .filter('_type == $type && section._ref == $sectionId')
                    .params({ type: STORY, sectionId })
                    .defaultOrdering(byNewest)
                    // "Create" here starts a story already filed in this section.
                    .initialValueTemplates([S.initialValueTemplateItem(STORY_IN_SECTION_TEMPLATE, { sectionId })]),
                ),
            ),
        ]),
    );
}

function storyList(S: StructureBuilder, id: string, title: string, condition: string) {
  return S.documentList()
    .id(id)
    .title(title)
    .schemaType(STORY)
    .apiVersion(LIST_API_VERSION)
    .filter(`_type == $type && ${condition}`)
    .params({ type: STORY })
    .defaultOrdering(byNewest)
    .initialValueTemplates([S.initialValueTemplateItem(STORY)]);
}
