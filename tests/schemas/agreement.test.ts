// The content model is written twice in one place: each schemas/ file holds a
// Sanity type (what the Studio edits) and a zod schema (what the site reads).
// This test holds the two to each other, field by field, including which
// fields are required, so neither can drift without a failing test.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { documentSchemas, objectSchemas, schemaTypes } from '../../schemas/index.ts';

type SanityField = {
  name: string;
  type: string;
  of?: { type: string; marks?: { annotations?: { type: string }[] } }[];
  options?: { list?: unknown[] };
  validation?: unknown;
};
type SanityType = SanityField & { fields?: SanityField[] };

const SYSTEM_KEYS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt', '_key']);
/** Fields Sanity adds to every image type without them being declared. */
const IMAGE_FIELDS: SanityField[] = [
  { name: 'asset', type: 'reference', validation: 'required' },
  { name: 'hotspot', type: 'object' },
  { name: 'crop', type: 'object' },
];

const named = new Map<string, SanityType>((schemaTypes as unknown as SanityType[]).map((t) => [t.name, t]));
const zodByName: Record<string, z.ZodType> = { ...documentSchemas, ...objectSchemas };

/** Runs a Sanity validation builder against a recording rule and says whether it calls `required()`. */
function isRequired(validation: unknown): boolean {
  if (validation === 'required') return true;
  if (typeof validation !== 'function') return false;
  let required = false;
  const rule: object = new Proxy(
    {},
    {
      get:
        (_target, prop) =>
        (..._args: unknown[]) => {
          if (prop === 'required') required = true;
          return rule;
        },
    },
  );
  validation(rule, {});
  return required;
}

function def(schema: z.ZodType): { type: string; [k: string]: unknown } {
  return (schema as unknown as { def: { type: string } }).def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (['optional', 'nullable', 'default', 'pipe'].includes(def(s).type)) {
    const d = def(s) as { innerType?: z.ZodType; in?: z.ZodType };
    s = (d.innerType ?? d.in) as z.ZodType;
  }
  return s;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const inner = unwrap(schema);
  expect(def(inner).type).toBe('object');
  return (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
}

function fieldsOf(type: SanityType): SanityField[] {
  const own = type.fields ?? [];
  return type.type === 'image' ? [...IMAGE_FIELDS, ...own] : own;
}

/** The zod kind a Sanity field type is stored as. */
function expectedKind(field: SanityField): string[] {
  const base = named.get(field.type)?.type ?? field.type;
  switch (base) {
    case 'string':
      return field.options?.list ? ['enum', 'string'] : ['string'];
    case 'text':
    case 'url':
    case 'datetime':
    case 'date':
    case 'email':
      return ['string'];
    case 'number':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'array':
      return ['array'];
    default:
      return ['object'];
  }
}

/** The `_type` literals a zod array element accepts (one for a plain object, several for a union). */
function memberTypes(element: z.ZodType): string[] {
  const inner = unwrap(element);
  const d = def(inner) as { type: string; options?: z.ZodType[] };
  if (d.type === 'union') return (d.options ?? []).flatMap(memberTypes);
  if (d.type !== 'object') return [d.type];
  const typeField = shapeOf(inner)._type;
  if (!typeField) return ['object'];
  const literal = def(unwrap(typeField)) as { values?: unknown[] };
  return (literal.values ?? []).map(String);
}

const cases = [...named.values()].map((type) => [type.name, type] as const);

describe.each(cases)('%s', (name, type) => {
  const schema = zodByName[name];

  it('has a zod schema', () => {
    expect(schema, `schemas/index.ts exports no zod schema for the Sanity type "${name}"`).toBeDefined();
  });
  if (!schema) return;
  const shape = shapeOf(schema);

  it('declares the same fields in both', () => {
    const sanityNames = fieldsOf(type)
      .map((f) => f.name)
      .sort();
    const zodNames = Object.keys(shape)
      .filter((k) => !SYSTEM_KEYS.has(k))
      .sort();
    expect(zodNames).toEqual(sanityNames);
  });

  it.each(fieldsOf(type).map((f) => [f.name, f] as const))('field %s agrees on required and kind', (_, field) => {
    const zodField = shape[field.name];
    expect(zodField).toBeDefined();
    if (!zodField) return;
    const zodOptional = zodField.safeParse(undefined).success;
    expect(zodOptional, `${name}.${field.name}: Sanity required=${isRequired(field.validation)}`).toBe(
      !isRequired(field.validation),
    );
    expect(expectedKind(field)).toContain(def(unwrap(zodField)).type);

    if (field.type === 'array' && field.of) {
      const element = (def(unwrap(zodField)) as unknown as { element: z.ZodType }).element;
      const sanityMembers = field.of.map((m) => m.type).sort();
      const zodMembers = memberTypes(element)
        .map((t) => (t === 'object' && sanityMembers.length === 1 ? sanityMembers[0] : t))
        .sort();
      expect(zodMembers).toEqual(sanityMembers);

      const block = field.of.find((m) => m.type === 'block');
      if (block) {
        const blockSchema = [unwrap(element)]
          .flatMap((e) => (def(e).type === 'union' ? ((def(e) as { options?: z.ZodType[] }).options ?? []) : [e]))
          .find((o) => memberTypes(o).includes('block'));
        expect(blockSchema).toBeDefined();
        const markDefs = shapeOf(blockSchema as z.ZodType).markDefs as z.ZodType;
        const markElement = (def(unwrap(markDefs)) as unknown as { element: z.ZodType }).element;
        const annotations = (block.marks?.annotations ?? []).map((a) => a.type).sort();
        expect(memberTypes(markElement).sort()).toEqual(annotations);
      }
    }
  });
});

describe('every zod document schema', () => {
  it.each(Object.keys(documentSchemas))('%s is a Sanity document type', (name) => {
    expect(named.get(name)?.type).toBe('document');
  });
});
