import { z } from 'zod';
import { Uid } from './user';

/** Path parameters of `/admin/users/{uid}/...`. */
export const AdminUserParams = z.strictObject({ uid: Uid });

/** Body of `POST /admin/users/{uid}/disable`. */
export const SetDisabledBody = z.strictObject({
  disabled: z.boolean().describe('true disables the account; false enables it again.'),
});
export type SetDisabledBody = z.infer<typeof SetDisabledBody>;

/** Answer of `POST /admin/users/{uid}/revoke`. */
export const SessionsRevoked = z
  .object({
    uid: Uid,
    revokedAt: z.iso.datetime().describe('Sessions signed in before this instant are revoked.'),
  })
  .meta({ id: 'SessionsRevoked' });
export type SessionsRevoked = z.infer<typeof SessionsRevoked>;

/** Answer of `POST /admin/users/{uid}/disable`. */
export const AccountState = z.object({ uid: Uid, disabled: z.boolean() }).meta({ id: 'AccountState' });
export type AccountState = z.infer<typeof AccountState>;
