// Expected failures of the data layer. Each carries a message key (from the `errors`
// catalog namespace) so that actions and route handlers can tell the user what went wrong;
// anything else is unexpected, logged, and shown as a generic error.

export class NotFoundError extends Error {
  readonly messageKey = "notFound";
  constructor(what = "resource") {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends Error {
  readonly messageKey = "forbidden";
  constructor(reason = "forbidden") {
    super(reason);
  }
}

export class ConflictError extends Error {
  readonly messageKey: string;
  constructor(messageKey = "conflict", readonly details?: Record<string, unknown>) {
    super(messageKey);
    this.messageKey = messageKey;
  }
}

/** Input that passed the schema but breaks a rule of the domain (e.g. a wrong current password). */
export class InvalidInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("invalid input");
  }
}

export type ExpectedError = NotFoundError | ForbiddenError | ConflictError | InvalidInputError;

export function isExpectedError(error: unknown): error is ExpectedError {
  return (
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ConflictError ||
    error instanceof InvalidInputError
  );
}
