import { describe, expect, it } from 'vitest';
import { readContentConfig } from '../../../../site/lib/sanity/config.ts';

describe('readContentConfig', () => {
  it('reads an embedded lake on loopback without project hostnames (Node cannot resolve *.localhost)', () => {
    const config = readContentConfig({ SANITY_API_HOST: 'http://127.0.0.1:3400' });
    expect(config).toMatchObject({
      projectId: 'local',
      dataset: 'production',
      apiHost: 'http://127.0.0.1:3400',
      useProjectHostname: false,
    });
  });

  it('reads hosted Sanity with project hostnames and the token', () => {
    const config = readContentConfig({
      SANITY_API_HOST: 'https://api.sanity.io',
      SANITY_PROJECT_ID: 'abc123',
      SANITY_DATASET: 'staging',
      SANITY_TOKEN: 'sk-secret',
    });
    expect(config).toMatchObject({
      projectId: 'abc123',
      dataset: 'staging',
      useProjectHostname: true,
      token: 'sk-secret',
    });
  });

  it('fails loudly, naming the variable, on a malformed value', () => {
    expect(() => readContentConfig({ SANITY_API_HOST: 'http://x', SANITY_DATASET: 'Bad Name' })).toThrow(
      /SANITY_DATASET is invalid/,
    );
  });

  it('says how to get a lake when none is configured', () => {
    expect(() => readContentConfig({})).toThrow(expect.objectContaining({ name: 'ContentHostMissing' }));
  });
});
