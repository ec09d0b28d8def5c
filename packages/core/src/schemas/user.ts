import { z } from 'zod';
import { isUsableDocId, RESERVED_ID_MESSAGE } from './common';
import { oneLine } from './plain-text';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A user id as Firebase Auth issues it: 1–128 characters, no slashes (it is a Firestore document id). */
export const Uid = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^/]+$/, 'Must not contain "/".')
  .refine(isUsableDocId, RESERVED_ID_MESSAGE)
  // A lone surrogate cannot be encoded as UTF-8, so Firestore refuses it as a document id (a 500 before).
  .refine((id) => !LONE_SURROGATE.test(id), 'Must be valid Unicode (no lone surrogate).');

/** Shown to other users in chats and notifications: one line, no control characters. */
const DisplayName = oneLine(80);
const PhotoUrl = z.url({ protocol: /^https?$/ }).max(2048);
const Bio = z.string().trim().max(500);

/** Body of `POST /users`. The uid and email always come from the token, never from here. */
export const CreateUserBody = z.strictObject({
  displayName: DisplayName,
  photoURL: PhotoUrl.nullable().optional(),
  bio: Bio.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Body of `PATCH /users/me`: any subset of the editable fields, at least one. */
export const UpdateUserBody = z
  .strictObject({
    displayName: DisplayName.optional(),
    photoURL: PhotoUrl.nullable().optional(),
    bio: Bio.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Send at least one field to change.' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** A user profile as the API returns it. */
export const UserProfile = z.object({
  uid: Uid,
  displayName: z.string(),
  email: z.string().nullable(),
  photoURL: z.string().nullable(),
  bio: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserProfile = z.infer<typeof UserProfile>;

/**
 * Another user's profile as the API returns it: everything but the email, which only its owner and app
 * admins see.
 */
export const PublicProfile = UserProfile.omit({ email: true });
export type PublicProfile = z.infer<typeof PublicProfile>;

/** What `GET /users/{uid}` returns: the whole profile to its owner and app admins, the public one to others. */
export const UserView = z.union([UserProfile, PublicProfile]);
export type UserView = z.infer<typeof UserView>;

/** A page of `GET /users`. */
export const UserPage = z.object({
  users: z.array(UserProfile),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type UserPage = z.infer<typeof UserPage>;

/** Query of `GET /users`. */
export const ListUsersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Uid.optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;
