// The site chrome, written as YAML (content/source/site-settings.yaml), → the
// siteSettings singleton. The YAML holds only what editors see; ids, array
// `_type`s and deterministic `_key`s are added here, then the whole document
// is validated with the schema so a mistake names its field.
import { parse } from 'yaml';
import { SITE_SETTINGS_ID, siteSettingsDocument } from '../../schemas/site-settings.ts';
import { convertError } from './errors.ts';
import type { SiteSettings } from './export-shapes.ts';
import { createKeyer, type Keyer } from './keys.ts';

/** The Sanity object type of each array's items, by field path. */
const itemTypes: Record<string, string> = {
  primaryNav: 'navLink',
  footerGroups: 'footerGroup',
  'footerGroups.links': 'navLink',
  supportNumbers: 'supportNumber',
  social: 'socialLink',
};

function withKeys(value: unknown, path: string, key: Keyer): unknown {
  if (Array.isArray(value)) {
    const type = itemTypes[path];
    return value.map((item, i) =>
      item && typeof item === 'object' && type
        ? { _type: type, _key: key(path, i), ...(withKeys(item, path, key) as object) }
        : item,
    );
  }
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([field, v]) => [field, withKeys(v, path ? `${path}.${field}` : field, key)]),
  );
}

export function siteSettingsFromYaml(yamlText: string, file?: string): SiteSettings {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    throw convertError('SiteSettingsInvalid', ['(YAML)', (error as Error).message.split('\n')[0] ?? ''], { file });
  }
  const fields = withKeys(raw ?? {}, '', createKeyer(SITE_SETTINGS_ID)) as object;
  const result = siteSettingsDocument.safeParse({ _id: SITE_SETTINGS_ID, _type: 'siteSettings', ...fields });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw convertError('SiteSettingsInvalid', [issue?.path.join('.') ?? '', issue?.message ?? 'invalid'], { file });
}
