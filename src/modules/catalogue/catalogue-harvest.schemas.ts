// Zod shapes of the harvester's staff input (forms post the same fields).
import { z } from 'zod';
import { isValidHostPattern } from '../../lib/safe-fetch.ts';

export const AllowedHostInputSchema = z.strictObject({
  pattern: z.string().trim().toLowerCase().max(253).refine(isValidHostPattern, { message: 'host' }),
  note: z.string().trim().max(300).optional(),
});
export type AllowedHostInput = z.infer<typeof AllowedHostInputSchema>;

export const HarvestSourceInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  baseUrl: z
    .string()
    .trim()
    .max(500)
    .refine(
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
  setSpec: z
    .string()
    .trim()
    .max(200)
    .regex(/^([A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*)?$/)
    .optional(),
  unitId: z.string().min(1).max(64),
  publish: z.boolean(),
  schedule: z.enum(['manual', 'daily', 'weekly']),
});
export type HarvestSourceInput = z.infer<typeof HarvestSourceInputSchema>;
