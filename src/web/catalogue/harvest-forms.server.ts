// The harvest page's form posts: one action, several intents, each calling one use case. Expected failures
// come back as field-linked messages; success redirects with a `?done=` notice (post-redirect-get).

import { data, redirect } from 'react-router';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { isAppError } from '../../lib/errors.ts';
import { type Locale, localePath, type MessageKey } from '../../lib/i18n.ts';
import {
  addAllowedHost,
  createHarvestSource,
  removeAllowedHost,
  setHarvestSourceEnabled,
  startHarvestRun,
} from '../../modules/catalogue/harvest/harvest.server.ts';
import { onceForm } from '../ui/form-once.server.ts';
import { type FormMessage, formText } from '../ui/forms.ts';
import { readPageForm } from '../ui/page-form.ts';
import { formVersion } from '../ui/version-forms.ts';

export const HARVEST_DONE = {
  hostAdded: 'catalogue.harvest.done.hostAdded',
  hostRemoved: 'catalogue.harvest.done.hostRemoved',
  sourceAdded: 'catalogue.harvest.done.sourceAdded',
  sourceEnabled: 'catalogue.harvest.done.sourceEnabled',
  sourceDisabled: 'catalogue.harvest.done.sourceDisabled',
  runStarted: 'catalogue.harvest.done.runStarted',
} as const satisfies Record<string, MessageKey>;

const FIELD_MESSAGES: Record<string, { field: string; key: MessageKey }> = {
  pattern: { field: 'allow-pattern', key: 'catalogue.harvest.invalid.pattern' },
  note: { field: 'allow-note', key: 'catalogue.harvest.invalid.note' },
  name: { field: 'source-name', key: 'catalogue.harvest.invalid.name' },
  baseUrl: { field: 'source-url', key: 'catalogue.harvest.invalid.baseUrl' },
  setSpec: { field: 'source-set', key: 'catalogue.harvest.invalid.set' },
  unitId: { field: 'source-unit', key: 'catalogue.harvest.invalid.unit' },
};

const ERROR_FIELDS: Record<string, string> = {
  'catalogue.harvest.host_exists': 'allow-pattern',
  'catalogue.harvest.host_not_allowed': 'source-url',
  'catalogue.unit_unknown': 'source-unit',
};

export const SOURCE_FIELDS = ['name', 'baseUrl', 'metadataPrefix', 'setSpec', 'unitId', 'schedule'] as const;

export async function harvestAction(deps: AppDeps, actor: Actor, locale: Locale, request: Request) {
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const values: Record<string, string> = {};
  for (const k of [...SOURCE_FIELDS, 'pattern', 'note', 'publish']) values[k] = formText(form, k);
  const done = (key: keyof typeof HARVEST_DONE) =>
    redirect(`${localePath(locale, '/admin/catalogue/harvest')}?done=${key}`);
  try {
    if (intent === 'allow-add') {
      await onceForm(deps, actor, 'catalogue.harvestHost.create', form, async (d) => {
        await addAllowedHost(d, actor, { pattern: values.pattern ?? '', note: values.note || undefined });
      });
      return done('hostAdded');
    }
    if (intent === 'allow-remove') {
      await removeAllowedHost(deps, actor, values.pattern ?? '');
      return done('hostRemoved');
    }
    if (intent === 'source-add') {
      await onceForm(deps, actor, 'catalogue.harvestSource.create', form, async (d) => {
        await createHarvestSource(d, actor, {
          name: values.name ?? '',
          baseUrl: values.baseUrl ?? '',
          metadataPrefix: values.metadataPrefix === 'marcxml' ? 'marcxml' : 'oai_dc',
          setSpec: values.setSpec || undefined,
          unitId: values.unitId ?? '',
          publish: values.publish === 'on',
          schedule: values.schedule === 'manual' || values.schedule === 'weekly' ? values.schedule : 'daily',
        });
      });
      return done('sourceAdded');
    }
    const sourceId = formText(form, 'sourceId');
    if (intent === 'source-enable' || intent === 'source-disable') {
      await setHarvestSourceEnabled(deps, actor, sourceId, intent === 'source-enable', formVersion(form));
      return done(intent === 'source-enable' ? 'sourceEnabled' : 'sourceDisabled');
    }
    if (intent === 'run') {
      await startHarvestRun(deps, actor, sourceId);
      return done('runStarted');
    }
    return data({ intent, errors: [{ key: 'error.validation' }] as FormMessage[], values }, { status: 400 });
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.status === 401 || e.status === 403 || e.status === 404) throw data(null, { status: e.status });
    const errors: FormMessage[] = e.details?.length
      ? [...new Map(e.details.map((d) => [d.path, FIELD_MESSAGES[d.path] ?? { key: e.messageKey }])).values()]
      : [{ key: e.messageKey, ...(ERROR_FIELDS[e.code] ? { field: ERROR_FIELDS[e.code] } : {}) }];
    return data({ intent, errors, values }, { status: e.status });
  }
}
