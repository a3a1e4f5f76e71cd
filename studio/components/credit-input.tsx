// The photo credit with the line readers will see under the photo, built by
// the same function the site prints it with.
import { Card, Stack, Text } from '@sanity/ui';
import { useEffect, useState } from 'react';
import { type ObjectInputProps, useClient } from 'sanity';
import { creditLine } from '../../schemas/photo-credit.ts';

type CreditValue = { photographer?: { person?: { _ref?: string }; name?: string }; agencies?: string[] };

export function CreditInput(props: ObjectInputProps) {
  const value = props.value as CreditValue | undefined;
  const personName = usePersonName(value?.photographer?.person?._ref);
  const line = creditLine({
    photographerName: value?.photographer?.name?.trim() || personName,
    agencies: value?.agencies ?? [],
  });
  return (
    <Stack gap={3}>
      {props.renderDefault(props)}
      <Card padding={3} radius={2} tone={line ? 'transparent' : 'caution'} border>
        <Text size={1} muted={!line} data-testid="credit-line">
          {line ? `Printed as: ${line}` : 'Not credited yet: add a photographer or an agency.'}
        </Text>
      </Card>
    </Stack>
  );
}

function usePersonName(id: string | undefined): string | undefined {
  const client = useClient({ apiVersion: '2025-02-19' });
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!id) {
      setName(undefined);
      return;
    }
    let current = true;
    client
      .fetch<string | null>('*[_id == $id][0].name', { id }, { perspective: 'drafts', tag: 'credit-line' })
      .then((found) => current && setName(found ?? undefined))
      .catch(() => current && setName(undefined));
    return () => {
      current = false;
    };
  }, [client, id]);
  return name;
}
