// The Photos pane: the newest image assets, each with a thumbnail, the credit
// lines it is printed under, where it is used (a link to each story or person)
// and anything an editor should fix. It follows the lake live.
import { createImageUrlBuilder } from '@sanity/image-url';
import { Badge, Box, Card, Flex, Spinner, Stack, Text } from '@sanity/ui';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useDocumentStore } from 'sanity';
import { IntentLink } from 'sanity/router';
import {
  PHOTO_LIBRARY_LISTEN,
  PHOTO_LIBRARY_QUERY,
  PHOTO_USING_TYPES,
  type PhotoRow,
  photoRows,
} from './photo-library-query.ts';

const THUMB = 64;

type State = { status: 'loading' } | { status: 'ready'; rows: PhotoRow[] } | { status: 'error'; message: string };

export function PhotoLibraryPane() {
  const documentStore = useDocumentStore();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const subscription = documentStore
      .listenQuery(
        { fetch: PHOTO_LIBRARY_QUERY, listen: PHOTO_LIBRARY_LISTEN },
        { types: PHOTO_USING_TYPES },
        // Raw: published documents and drafts both, since a draft may credit a photo otherwise than the site does.
        { perspective: 'raw', throttleTime: 1000, tag: 'photo-library' },
      )
      .subscribe({
        next: (result: unknown) => setState({ status: 'ready', rows: photoRows(result) }),
        error: (error: Error) => setState({ status: 'error', message: error.message }),
      });
    return () => subscription.unsubscribe();
  }, [documentStore]);

  if (state.status === 'loading') {
    return (
      <Flex align="center" justify="center" padding={5}>
        <Spinner muted />
      </Flex>
    );
  }
  if (state.status === 'error') {
    return (
      <Card padding={4} tone="critical">
        <Text>Could not load the photos: {state.message}</Text>
      </Card>
    );
  }
  if (state.rows.length === 0) {
    return (
      <Box padding={4}>
        <Text muted>No photos yet. Upload one in a story's hero photo or body.</Text>
      </Box>
    );
  }
  return (
    <Stack gap={1} padding={2} data-testid="photo-library">
      {state.rows.map((row) => (
        <PhotoRowCard key={row.assetId} row={row} />
      ))}
    </Stack>
  );
}

function PhotoRowCard({ row }: { row: PhotoRow }) {
  const client = useClient({ apiVersion: '2025-02-19' });
  const thumbnail = useMemo(
    () => createImageUrlBuilder(client).image(row.assetId).width(THUMB).height(THUMB).fit('crop').url(),
    [client, row.assetId],
  );
  return (
    <Card padding={2} radius={2} tone={row.problems.length ? 'caution' : 'default'} data-testid="photo-row">
      <Flex gap={3} align="flex-start">
        <img src={thumbnail} alt="" width={THUMB} height={THUMB} style={{ objectFit: 'cover', borderRadius: 3 }} />
        <Stack gap={2} flex={1}>
          <Text size={1} weight="semibold" data-testid="photo-credit">
            {row.credits.join(' · ') || 'No credit'}
          </Text>
          <Text size={1} muted>
            {row.filename}
            {row.width && row.height ? ` · ${row.width}×${row.height}` : ''}
          </Text>
          {row.uses.length === 0 ? (
            <Text size={1} muted>
              Not used in any story
            </Text>
          ) : (
            <Text size={1}>
              Used in{' '}
              {row.uses.map((use, index) => (
                <span key={use.key}>
                  {index > 0 ? ', ' : ''}
                  <IntentLink intent="edit" params={{ id: use.documentId, type: use.documentType }}>
                    {use.title}
                  </IntentLink>
                </span>
              ))}
            </Text>
          )}
          {row.problems.length > 0 && (
            <Flex gap={1} wrap="wrap">
              {row.problems.map((problem) => (
                <Badge key={problem} tone="caution">
                  {problem}
                </Badge>
              ))}
            </Flex>
          )}
        </Stack>
      </Flex>
    </Card>
  );
}
