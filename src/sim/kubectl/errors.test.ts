import { describe, expect, it } from 'vitest';
import { ApiError, invalid, notFound } from '../api/errors';
import { AggregateError, errorText, KubectlError } from './errors';

describe('errorText (cmdutil.CheckErr, k8s-semantics §12.1)', () => {
  it('prints API errors with their reason', () => {
    expect(errorText(notFound('pods', 'x'))).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(errorText(new ApiError('Forbidden', 'pods "x" is forbidden: exceeded quota'))).toBe('Error from server (Forbidden): pods "x" is forbidden: exceeded quota\n');
  });

  it('prints one Invalid cause on the same line', () => {
    const err = invalid('Deployment', 'apps', 'web', [{ field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }]);
    expect(errorText(err)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
  });

  it('lists several Invalid causes under the heading, which keeps its trailing space', () => {
    const err = invalid('Deployment', 'apps', 'web', [
      { field: 'spec.selector', message: 'Required value' },
      { field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`' },
      { field: 'spec.selector', message: 'Required value' },
    ]);
    expect(errorText(err)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
    );
  });

  it('prefixes client errors with "error: "', () => {
    expect(errorText(new KubectlError('the server doesn\'t have a resource type "pdos"'))).toBe('error: the server doesn\'t have a resource type "pdos"\n');
  });

  it('prints an aggregate one error per line, and an aggregate of one as that error', () => {
    expect(errorText(new AggregateError([notFound('pods', 'a'), notFound('pods', 'b')]))).toBe(
      'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n',
    );
    expect(errorText(new AggregateError([new KubectlError('boom')]))).toBe('error: boom\n');
  });
});
