/**
 * Domain errors with a code the UI maps to one sentence; the detail goes to the log, never to the user.
 */
export class DomainError extends Error {
  constructor(
    readonly code: 'forbidden' | 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do that.') {
    super('forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'That record does not exist, or you cannot see it.') {
    super('not_found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}
