import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import type {
  CreateUserBody,
  ListUsersQuery,
  PublicProfile,
  UpdateUserBody,
  UserPage,
  UserProfile,
} from '../schemas/user';
import { profileNotFound, type UserRepository } from '../repositories/user-repository';

/** Profiles: the caller's own, anyone's public view, and the admin listing. */
export class UserService {
  constructor(private readonly users: UserRepository) {}

  /** The uid and email come from the verified token, never from the body. */
  createProfile(auth: AuthContext, body: CreateUserBody): Promise<UserProfile> {
    return this.users.create(auth.uid, {
      displayName: body.displayName,
      email: auth.email,
      photoURL: body.photoURL ?? null,
      bio: body.bio ?? '',
    });
  }

  async getMe(auth: AuthContext): Promise<UserProfile> {
    const profile = await this.users.get(auth.uid);
    if (!profile) throw AppError.notFound('You have no profile yet: create it with POST /users.');
    return profile;
  }

  updateMe(auth: AuthContext, body: UpdateUserBody): Promise<UserProfile> {
    return this.users.update(auth.uid, body);
  }

  /** The whole profile for its owner and app admins; everyone else gets the public one, without the email. */
  async getUser(auth: AuthContext, uid: string): Promise<UserProfile | PublicProfile> {
    const profile = await this.users.get(uid);
    if (!profile) throw profileNotFound(uid);
    if (auth.uid === uid || auth.admin) return profile;
    return toPublicProfile(profile);
  }

  /** Listing every user is for admins only. */
  listUsers(auth: AuthContext, query: ListUsersQuery): Promise<UserPage> {
    if (!auth.admin) throw AppError.permissionDenied('Listing users needs the admin role.');
    return this.users.list(query.limit, query.cursor);
  }
}

/** A new object with only the public fields, so nothing added to UserProfile later leaks by default. */
function toPublicProfile(profile: UserProfile): PublicProfile {
  const { uid, displayName, photoURL, bio, createdAt, updatedAt } = profile;
  return { uid, displayName, photoURL, bio, createdAt, updatedAt };
}
