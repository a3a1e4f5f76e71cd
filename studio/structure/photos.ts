// Photos: the uploaded images with the credits they are printed under (see
// photos/photo-library-query.ts for why credits are gathered from each use).
import { ImagesIcon } from '@sanity/icons/Images';
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure';
import { PhotoLibraryPane } from '../photos/photo-library-pane.tsx';

export function photosItem(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('photos')
    .title('Photos')
    .icon(ImagesIcon)
    .child(S.component(PhotoLibraryPane).id('photos').title('Photos'));
}
