// Attaches the Studio's input components to the shared content model. The
// schemas in schemas/ stay free of React (the site and the lake import them);
// the Studio adds its components here, by type and field name.
import type { ComponentType } from 'react';
import { CreditInput } from './credit-input.tsx';
import { HeadlineInput } from './headline-input.tsx';

type AnyType = { name: string; fields?: readonly { name: string }[] };

/** Inputs for whole types, by type name. */
const typeInputs: Record<string, ComponentType<never>> = { photoCredit: CreditInput };

/** Inputs for single fields, by `<type>.<field>`. */
const fieldInputs: Record<string, ComponentType<never>> = { 'story.headline': HeadlineInput };

export function withInputComponents<T extends AnyType>(types: readonly T[]): T[] {
  return types.map((type) => {
    const typeInput = typeInputs[type.name];
    const withFields = type.fields
      ? {
          ...type,
          fields: type.fields.map((field) => {
            const input = fieldInputs[`${type.name}.${field.name}`];
            return input ? { ...field, components: { input } } : field;
          }),
        }
      : type;
    return typeInput ? { ...withFields, components: { input: typeInput } } : withFields;
  });
}
