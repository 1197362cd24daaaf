// OpenAPI 3.1 description of the LRS at /xapi (served at /xapi/openapi.json; linted in xapi.openapi.test.ts).
// The statement schema here is a summary: the xAPI 1.0.3 specification (IEEE 9274.1.1) is normative, and
// the LRS validates against it in xapi-validate.ts.

const version = {
  name: 'X-Experience-API-Version',
  in: 'header',
  required: true,
  schema: { type: 'string', example: '1.0.3' },
};
const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const resp = (description: string, extra: object = {}) => ({ description, ...extra });
const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
};
const q = (name: string, description: string, schema: object = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const agentQ = (required: boolean) =>
  q(
    'agent',
    'An Agent (JSON), identified by mbox, mbox_sha1sum, openid or account.',
    { type: 'string' },
    required,
  );
const activityQ = q('activityId', 'The activity IRI.', { type: 'string', format: 'iri' }, true);
const etagHeaders = {
  'If-Match': { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
  'If-None-Match': { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
};

function documentResource(tag: string, idParam: string, scope: object[], summary: string) {
  const id = q(
    idParam,
    'The document id; absent on GET lists the ids (with `since`), on DELETE of state deletes all.',
  );
  const conditional = [etagHeaders['If-Match'], etagHeaders['If-None-Match']];
  const write = (verb: string, description: string) => ({
    tags: [tag],
    operationId: `${verb}${tag.replace(/\W/g, '')}`,
    summary: description,
    parameters: [version, ...scope, { ...id, required: true }, ...conditional],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { type: 'object' } },
        'application/octet-stream': { schema: {} },
      },
    },
    responses: {
      '204': resp('Stored.', { headers: { ETag: { schema: { type: 'string' } } } }),
      ...errors,
      '409': { $ref: '#/components/responses/Conflict' },
      '412': { $ref: '#/components/responses/PreconditionFailed' },
    },
  });
  return {
    get: {
      tags: [tag],
      operationId: `get${tag.replace(/\W/g, '')}`,
      summary: `${summary}: one document, or the ids.`,
      parameters: [
        version,
        ...scope,
        id,
        q('since', 'Only ids of documents stored after this instant.', {
          type: 'string',
          format: 'date-time',
        }),
      ],
      responses: {
        '200': resp('The document (its own content type, with ETag), or a JSON array of ids.', {
          content: { 'application/json': { schema: {} } },
        }),
        ...errors,
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
    put: write(
      'put',
      `${summary}: store or replace (profiles need If-Match or If-None-Match when one exists).`,
    ),
    post: write('post', `${summary}: merge JSON objects (top-level properties).`),
    delete: {
      tags: [tag],
      operationId: `delete${tag.replace(/\W/g, '')}`,
      summary: `${summary}: delete.`,
      parameters: [version, ...scope, id, ...conditional],
      responses: {
        '204': resp('Deleted.'),
        ...errors,
        '412': { $ref: '#/components/responses/PreconditionFailed' },
      },
    },
  };
}

export const xapiOpenApi = {
  openapi: '3.1.0',
  info: {
    title: 'Suốt Đời learning record store (xAPI 1.0.3)',
    version: '1.0.3',
    description:
      'An LRS conforming to xAPI 1.0.3 (IEEE 9274.1.1). Every request but About needs HTTP Basic client credentials that an administrator issues (Quản trị → Ứng dụng ghi xAPI) and the X-Experience-API-Version header; every response carries X-Experience-API-Version. Errors are RFC 9457 problem+json.',
    license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
  },
  servers: [{ url: '/' }],
  security: [{ basic: [] }],
  tags: [
    { name: 'Statements', description: 'Statements resource.' },
    { name: 'State', description: 'State resource.' },
    { name: 'ActivityProfile', description: 'Activity Profile resource.' },
    { name: 'AgentProfile', description: 'Agent Profile resource.' },
    { name: 'Activities', description: 'Activities resource.' },
    { name: 'Agents', description: 'Agents resource.' },
    { name: 'About', description: 'About resource.' },
  ],
  paths: {
    '/xapi/statements': {
      put: {
        tags: ['Statements'],
        operationId: 'putStatement',
        summary: 'Store one statement under the given id.',
        parameters: [
          version,
          q('statementId', 'The statement id (UUID).', { type: 'string', format: 'uuid' }, true),
        ],
        requestBody: {
          required: true,
          content: { ...json(ref('Statement')), 'multipart/mixed': { schema: {} } },
        },
        responses: {
          '204': resp('Stored (or already stored with the same content).'),
          ...errors,
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      post: {
        tags: ['Statements'],
        operationId: 'postStatements',
        summary: 'Store one statement or a batch (all or nothing); attachments as multipart/mixed.',
        parameters: [version],
        requestBody: {
          required: true,
          content: {
            ...json({ oneOf: [ref('Statement'), { type: 'array', items: ref('Statement') }] }),
            'multipart/mixed': { schema: {} },
          },
        },
        responses: {
          '200': resp('The ids, in order.', {
            content: json({ type: 'array', items: { type: 'string', format: 'uuid' } }),
          }),
          ...errors,
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      get: {
        tags: ['Statements'],
        operationId: 'getStatements',
        summary:
          'One statement by id, or a page of statements matching the filters (newest first unless ascending).',
        parameters: [
          version,
          q('statementId', 'One statement (not voided).', { type: 'string', format: 'uuid' }),
          q('voidedStatementId', 'One voided statement.', { type: 'string', format: 'uuid' }),
          agentQ(false),
          q('verb', 'Verb IRI.'),
          q('activity', 'Activity IRI.'),
          q('registration', 'Registration UUID.', { type: 'string', format: 'uuid' }),
          q('related_activities', 'Match the activity anywhere (context, sub-statement).', {
            type: 'boolean',
          }),
          q('related_agents', 'Match the agent anywhere (authority, instructor, team, sub-statement).', {
            type: 'boolean',
          }),
          q('since', 'Stored after.', { type: 'string', format: 'date-time' }),
          q('until', 'Stored at or before.', { type: 'string', format: 'date-time' }),
          q('limit', 'Page size (0 = the server maximum, 500).', { type: 'integer', minimum: 0 }),
          q('format', 'exact, ids or canonical (Accept-Language picks the language).', {
            type: 'string',
            enum: ['exact', 'ids', 'canonical'],
          }),
          q('attachments', 'Answer multipart/mixed with the attachments.', { type: 'boolean' }),
          q('ascending', 'Oldest first.', { type: 'boolean' }),
          q('more', 'The cursor from a previous page (no other parameter with it).'),
        ],
        responses: {
          '200': resp('A statement or a StatementResult; header X-Experience-API-Consistent-Through.', {
            headers: {
              'X-Experience-API-Consistent-Through': { schema: { type: 'string', format: 'date-time' } },
            },
            content: {
              ...json({ oneOf: [ref('Statement'), ref('StatementResult')] }),
              'multipart/mixed': { schema: {} },
            },
          }),
          ...errors,
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/xapi/activities/state': documentResource(
      'State',
      'stateId',
      [activityQ, agentQ(true), q('registration', 'Registration UUID.', { type: 'string', format: 'uuid' })],
      'State',
    ),
    '/xapi/activities/profile': documentResource(
      'ActivityProfile',
      'profileId',
      [activityQ],
      'Activity profile',
    ),
    '/xapi/agents/profile': documentResource('AgentProfile', 'profileId', [agentQ(true)], 'Agent profile'),
    '/xapi/activities': {
      get: {
        tags: ['Activities'],
        operationId: 'getActivity',
        summary: 'The activity with the definition statements gave it.',
        parameters: [version, activityQ],
        responses: {
          '200': resp('The activity.', { content: json({ type: 'object' }) }),
          ...errors,
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/xapi/agents': {
      get: {
        tags: ['Agents'],
        operationId: 'getPerson',
        summary: 'A Person object combining what the LRS knows under this agent.',
        parameters: [version, agentQ(true)],
        responses: { '200': resp('The Person.', { content: json({ type: 'object' }) }), ...errors },
      },
    },
    '/xapi/about': {
      get: {
        tags: ['About'],
        operationId: 'getAbout',
        summary: 'Versions this LRS speaks (no credentials needed).',
        security: [],
        responses: {
          '200': resp('About.', {
            content: json({
              type: 'object',
              properties: {
                version: { type: 'array', items: { type: 'string' } },
                extensions: { type: 'object' },
              },
            }),
          }),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      basic: {
        type: 'http',
        scheme: 'basic',
        description: 'Client key and secret issued by an administrator.',
      },
    },
    schemas: {
      Statement: {
        type: 'object',
        description: 'An xAPI 1.0.3 statement (summary; unknown properties are refused).',
        required: ['actor', 'verb', 'object'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          actor: { type: 'object' },
          verb: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string' }, display: { type: 'object' } },
          },
          object: { type: 'object' },
          result: { type: 'object' },
          context: { type: 'object' },
          timestamp: { type: 'string', format: 'date-time' },
          stored: { type: 'string', format: 'date-time' },
          authority: { type: 'object' },
          version: { type: 'string' },
          attachments: { type: 'array', items: { type: 'object' } },
        },
      },
      StatementResult: {
        type: 'object',
        required: ['statements', 'more'],
        properties: {
          statements: { type: 'array', items: { $ref: '#/components/schemas/Statement' } },
          more: { type: 'string' },
        },
      },
      Problem: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          code: { type: 'string' },
        },
      },
    },
    responses: {
      BadRequest: {
        description: 'Invalid request (validation problems listed).',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
      Unauthorized: {
        description: 'No or revoked credentials.',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
      NotFound: {
        description: 'Not found.',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
      Conflict: {
        description: 'Same id with other content, or a profile changed without a precondition.',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
      PreconditionFailed: {
        description: 'The ETag precondition failed.',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    },
  },
} as const;
