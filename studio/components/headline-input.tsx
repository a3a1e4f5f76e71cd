// The headline field with a running character count, so the 110-character
// warning is something a writer sees coming rather than after the fact.
import { Flex, Stack, Text } from '@sanity/ui';
import type { StringInputProps } from 'sanity';
import { HEADLINE_WARN_LENGTH } from '../../schemas/story.ts';

export function HeadlineInput(props: StringInputProps) {
  const length = props.value?.length ?? 0;
  return (
    <Stack gap={2}>
      {props.renderDefault(props)}
      <Flex justify="flex-end">
        <Text size={1} muted={length <= HEADLINE_WARN_LENGTH} data-testid="headline-count">
          {length}/{HEADLINE_WARN_LENGTH}
        </Text>
      </Flex>
    </Stack>
  );
}
