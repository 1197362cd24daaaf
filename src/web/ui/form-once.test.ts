// The class rule at the source: a page action that creates something calls its use case with the deps of the
// token-claiming transaction (`onceForm(…, (d) => createX(d, …))`), never with the request's own `deps`,
// unless the use case is listed here with the rule that already makes a second submission harmless.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OWN_RULE: Record<string, string> = {
  addItem:
    'one lendable copy per barcode (unique, checked under lock): a second press is told it is already lendable',
  startGuestRequest:
    'sends a code only (one per address per 30 s); the request is created by the single-use code that comes back',
  startPhoneSignIn:
    'one code per number per 30 s (rate limit): a second press within that sends no second code',
  createFeedToken:
    'one private feed address per person; a second press replaces it (the address is a secret)',
  inviteUser: 'unique e-mail; run through onceFormAfter (better-auth and mail cannot join the transaction)',
  inviteOptions: 'reads the invite form’s choices',
  addEvidence: 'run through onceFormAfter (the uploaded file is stored outside the claiming transaction)',
  registerForEvent: 'its own idempotency key in the form, and one live registration per signed-in person',
  startHarvestRun: 'a source with a harvest running refuses a second one (409)',
  startTabularImport: 'moves an existing draft import to queued once (state check under lock)',
  startTwoFactorSetup: 'replaces the pending setup of the signed-in person',
  submitFeedback: 'one answer per registration (unique)',
  addEvidenceFile:
    'one row per submission, indicator and file content (unique): a second press attaches nothing',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('creating use cases called from pages', () => {
  it('run inside a one-time form token, or keep a rule of their own', () => {
    const creating =
      /\b((?:create|add|invite|grant|register|comment|submit|start)[A-Z]\w*|follow|setHoursException)\(deps,/g;
    const unguarded: string[] = [];
    for (const file of sources(join(import.meta.dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(creating)) {
        if (!OWN_RULE[m[1] ?? '']) unguarded.push(`${file}: ${m[1]}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
