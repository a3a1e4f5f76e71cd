// The desk: what an editor sees in the left-hand column, in the order a
// newsroom works: stories first, then the material stories are made of, then
// the site's chrome.
import { BlockquoteIcon } from '@sanity/icons/Blockquote';
import { TagIcon } from '@sanity/icons/Tag';
import { UsersIcon } from '@sanity/icons/Users';
import type { DefaultDocumentNodeResolver, StructureResolver } from 'sanity/structure';
import { photosItem } from './photos.ts';
import { siteSettingsItem } from './site-settings.ts';
import { storiesItem } from './stories.ts';

export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Newsroom')
    .items([
      storiesItem(S, context),
      S.divider(),
      S.documentTypeListItem('quote').title('Quotes').icon(BlockquoteIcon),
      S.documentTypeListItem('person').title('People').icon(UsersIcon),
      S.documentTypeListItem('section').title('Sections').icon(TagIcon),
      photosItem(S),
      S.divider(),
      siteSettingsItem(S),
    ]);

/** Every document opens on its form; the structure adds no other views. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S) => S.document().views([S.view.form()]);
