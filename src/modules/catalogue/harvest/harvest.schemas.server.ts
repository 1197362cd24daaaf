// Zod shapes of the harvester's staff input (forms post the same fields).
import { z } from 'zod';
import { isValidHostPattern } from '../../../lib/safe-fetch.server.ts';
import { singleLineText } from '../../../lib/text.server.ts';

export const AllowedHostInputSchema = z.strictObject({
  pattern: singleLineText({ max: 253 }).toLowerCase().refine(isValidHostPattern, { message: 'host' }),
  note: singleLineText({ max: 300 }).optional(),
});
export type AllowedHostInput = z.infer<typeof AllowedHostInputSchema>;

export const HarvestSourceInputSchema = z.strictObject({
  name: singleLineText({ min: 1, max: 200 }),
  baseUrl: singleLineText({ max: 500 }).refine(
    (u) => {
      try {
        const url = new URL(u);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'url' },
  ),
  metadataPrefix: z.enum(['oai_dc', 'marcxml']),
  setSpec: singleLineText({ max: 200 })
    .regex(/^([A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*)?$/)
    .optional(),
  unitId: z.string().regex(/^[\w-]{1,64}$/),
  publish: z.boolean(),
  schedule: z.enum(['manual', 'daily', 'weekly']),
});
export type HarvestSourceInput = z.infer<typeof HarvestSourceInputSchema>;
