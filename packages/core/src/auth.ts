/** Who is calling, as established from a verified Firebase ID token. Every service takes one. */
export interface AuthContext {
  uid: string;
  email: string | null;
  /** From the `admin` custom claim. */
  admin: boolean;
}
