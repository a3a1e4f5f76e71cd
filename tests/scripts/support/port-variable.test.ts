// The one port rule: npm start, the services and lake.ts name a bad port by
// the variable or flag it came from, with what to type instead.
import { describe, expect, it } from 'vitest';
import { parsePort, portVariable } from '../../../scripts/support/port-variable.ts';

describe('parsePort', () => {
  it.each([
    [undefined, 4443],
    ['', 4443],
    ['  ', 4443],
    ['0', 0],
    [' 8080 ', 8080],
    ['65535', 65535],
  ])('reads %j as %d', (raw, port) => {
    expect(parsePort(raw, { name: 'LAKE_PORT', fallback: 4443 })).toBe(port);
  });

  it.each([
    [
      'LAKE_PORT',
      'abc',
      'PortVariableInvalid',
      'Set LAKE_PORT to a whole number from 0 to 65535 (0 picks a free port), or unset it for 0.',
    ],
    [
      '--port',
      '70000',
      'PortFlagInvalid',
      'Give --port a whole number from 0 to 65535 (0 picks a free port), or leave it out.',
    ],
    [
      '--port',
      '-1',
      'PortFlagInvalid',
      'Give --port a whole number from 0 to 65535 (0 picks a free port), or leave it out.',
    ],
  ])('names %s when given %j', (name, raw, errorName, hint) => {
    expect(() => parsePort(raw, { name, fallback: 0 })).toThrow(
      expect.objectContaining({ name: errorName, message: `${name} is not a port number: "${raw}".`, hint }),
    );
  });
});

describe('portVariable', () => {
  it("falls back to npm start's port for the variable", () => {
    expect(portVariable('STUDIO_PORT', {})).toBe(3333);
    expect(() => portVariable('SITE_PORT', { SITE_PORT: '1.5' })).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('or unset it for 4321.') }),
    );
  });
});
