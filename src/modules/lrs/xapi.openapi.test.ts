import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { xapiOpenApi } from './xapi.openapi.ts';

describe('the /xapi OpenAPI document', () => {
  it('passes the Redocly recommended lint rules without errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(xapiOpenApi),
      absoluteRef: 'xapi.json',
      config,
    });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('names every resource the LRS serves', () => {
    expect(Object.keys(xapiOpenApi.paths).sort()).toEqual([
      '/xapi/about',
      '/xapi/activities',
      '/xapi/activities/profile',
      '/xapi/activities/state',
      '/xapi/agents',
      '/xapi/agents/profile',
      '/xapi/statements',
    ]);
  });
});
