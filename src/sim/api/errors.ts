/** API errors shaped like metav1.Status, with the apiserver's reasons and messages. */

export type StatusReason = 'Invalid' | 'NotFound' | 'AlreadyExists' | 'BadRequest' | 'Forbidden' | 'Conflict' | 'MethodNotAllowed' | 'RequestEntityTooLarge';

const CODES: Record<StatusReason, number> = {
  Invalid: 422, NotFound: 404, AlreadyExists: 409, BadRequest: 400, Forbidden: 403, Conflict: 409, MethodNotAllowed: 405, RequestEntityTooLarge: 413,
};

/** One field error: `field` is the dotted path ("spec.template.metadata.labels"); `message` its body. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: number;

  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly kind?: string,
    readonly objectName?: string,
    readonly causes: FieldError[] = [],
  ) {
    super(message);
    this.code = CODES[reason];
  }
}

export function notFound(qualifiedResource: string, name: string): ApiError {
  return new ApiError('NotFound', `${qualifiedResource} "${name}" not found`);
}

export function alreadyExists(qualifiedResource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualifiedResource} "${name}" already exists`);
}

/**
 * 422 Invalid: `<Kind>.<group> "<name>" is invalid: <errs>` (k8s-semantics §12.1), errors
 * de-duplicated, one error bare and several as "[e1, e2]".
 */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): ApiError {
  const texts = [...new Set(errors.map((e) => `${e.field}: ${e.message}`))];
  const list = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return new ApiError('Invalid', `${qualified} "${name}" is invalid: ${list}`, kind, name, errors);
}

export function forbidden(qualifiedResource: string, name: string, message: string): ApiError {
  return new ApiError('Forbidden', `${qualifiedResource} "${name}" is forbidden: ${message}`);
}
