import { z } from 'zod';
import { DocId, IsoTime, PageLimit } from './common';
import { Uid } from './user';

/**
 * The audit log: `auditLog/{id}`, one document per admin action, written in the same Firestore transaction
 * as the change it records (see `repositories/audit-repository.ts`), so neither exists without the other:
 * `{ actor, action, target: { type, id }, before, after, requestId, at (server timestamp) }`.
 * `before` and `after` hold only the fields the action touched (null where there was nothing: a deleted
 * chat has no `after`).
 */

export const AuditAction = z
  .enum([
    'user.update-profile',
    'user.disable',
    'user.enable',
    'user.revoke-sessions',
    'user.grant-admin',
    'user.remove-admin',
    'chat.remove-member',
    'chat.delete',
    'message.moderate',
    'announcement.send',
  ])
  .meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditTargetType = z.enum(['user', 'chat', 'message', 'announcement']);
export type AuditTargetType = z.infer<typeof AuditTargetType>;

/** What an action was done to. A message is `chats/{chatId}/messages/{messageId}`-like: `{chatId}/{messageId}`. */
export const AuditTarget = z.object({
  type: AuditTargetType,
  id: z.string().describe('The uid, chat id, `{chatId}/{messageId}` or announcement id.'),
});
export type AuditTarget = z.infer<typeof AuditTarget>;

/** The touched fields, as JSON. */
export const AuditFields = z.record(z.string(), z.unknown()).nullable();
export type AuditFields = z.infer<typeof AuditFields>;

export const AuditRecord = z
  .object({
    id: DocId,
    actor: Uid.describe('The admin who acted.'),
    action: AuditAction,
    target: AuditTarget,
    before: AuditFields.describe('The touched fields before the action; null when they did not exist.'),
    after: AuditFields.describe('The touched fields after it; null when the target is gone.'),
    requestId: z.string().describe('The X-Request-Id of the API request that acted.'),
    at: IsoTime,
  })
  .meta({ id: 'AuditRecord' });
export type AuditRecord = z.infer<typeof AuditRecord>;

/** Query of `GET /admin/audit`: newest first, optionally for one actor, action or target id. */
export const ListAuditQuery = z.strictObject({
  limit: PageLimit,
  cursor: z.string().min(1).max(600).optional().describe('`nextCursor` of the previous page.'),
  actor: Uid.optional(),
  action: AuditAction.optional(),
  targetId: z.string().min(1).max(700).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const AuditPage = z.object({
  records: z.array(AuditRecord),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type AuditPage = z.infer<typeof AuditPage>;
