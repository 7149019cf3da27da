/**
 * How kubectl reports a failed command (cmdutil.CheckErr, k8s-semantics §12.1): API errors as
 * "Error from server (<Reason>): <message>", Invalid ones as "The <Kind> "<name>" is invalid: ..."
 * listing the field causes, and client-side errors as "error: <message>".
 */
import { ApiError } from '../api/errors';

/** A client-side failure kubectl prints as `error: <message>`. */
export class KubectlError extends Error {}

/** Several errors from one command (utilerrors.Aggregate), printed one per line. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
}

/** StandardErrorMessage, or the bare message for anything that is not an API status. */
function messageForError(err: Error): string {
  return err instanceof ApiError ? `Error from server (${err.reason}): ${err.message}` : err.message;
}

function invalidText(err: ApiError): string {
  if (!err.kind && !err.objectName) return err.message ? `The request is invalid: ${err.message}` : 'The request is invalid';
  const prefix = `The ${err.kind ?? ''} ${JSON.stringify(err.objectName ?? '')} is invalid: `;
  const causes = [...new Set(err.causes.map((c) => `${c.field}: ${c.message}`))];
  if (causes.length === 0) return `The ${err.kind ?? ''} ${JSON.stringify(err.objectName ?? '')} is invalid`;
  // MultilineError: one cause on the same line; several as a "* " list under the prefix.
  if (causes.length === 1) return `${prefix}${causes[0]}`;
  return `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** The text kubectl writes to stderr for an error, ending in a newline. */
export function errorText(err: Error): string {
  const single = err instanceof AggregateError && err.errors.length === 1 ? err.errors[0] : err;
  let text: string;
  if (single instanceof AggregateError) text = single.errors.map(messageForError).join('\n');
  else if (single instanceof ApiError) text = single.reason === 'Invalid' ? invalidText(single) : messageForError(single);
  else text = single.message.startsWith('error: ') ? single.message : `error: ${single.message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}
