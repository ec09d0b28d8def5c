import { z } from 'zod';
import { ErrorCodes } from '../error-codes';

/** The body of every 4xx and 5xx, and the `error` of every failed socket ack (see `toErrorEnvelope`). */
export const ErrorEnvelope = z.object({
  error: z.object({
    status: z.number().int().min(400).max(599),
    code: z
      .enum(Object.values(ErrorCodes))
      .describe('Stable machine code; switch on this, not on the message.'),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Each bad input field, by dotted path.'),
    requestId: z.string().optional().describe('Also in the X-Request-Id header; quote it in bug reports.'),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
