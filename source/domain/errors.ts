/**
 * An error the user caused and can fix: its message is shown as is (one Chinese line saying
 * what is wrong, where, and how to fix it); commands exit with code 1 and write nothing.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
