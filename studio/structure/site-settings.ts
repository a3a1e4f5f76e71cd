// The site's chrome is one document with a fixed id: the desk opens it
// directly, and nothing can create a second one or delete it (see
// documents/singletons.ts).
import { CogIcon } from '@sanity/icons/Cog';
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure';
import { SITE_SETTINGS_ID } from '../../schemas/site-settings.ts';

export function siteSettingsItem(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id(SITE_SETTINGS_ID)
    .title('Site settings')
    .icon(CogIcon)
    .child(S.document().schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('Site settings'));
}
