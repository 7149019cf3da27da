import { describe, expect, it } from 'vitest';
import { applyMarkers, documentStartLines } from './markers';

const TWO_DOCS = `apiVersion: v1
kind: Pod
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    metadata:
      labels:
        app: nginx
`;

describe('documentStartLines', () => {
  it('starts a document after each --- line', () => {
    expect(documentStartLines(TWO_DOCS)).toEqual([1, 4]);
  });

  it('treats a leading --- as the start of the first document', () => {
    expect(documentStartLines('# comment\n---\nkind: Pod\n---\nkind: Service\n')).toEqual([3, 5]);
  });
});

describe('applyMarkers', () => {
  it('marks nothing for successful documents', () => {
    expect(applyMarkers(TWO_DOCS, [{ index: 0, message: 'pod/a created', action: 'created' }])).toEqual([]);
  });

  it("marks each field error at its line, spanning the line's text", () => {
    const message = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`';
    const markers = applyMarkers(TWO_DOCS, [
      {
        index: 1,
        message: `The Deployment "web" is invalid: ${message}`,
        error: {
          message: `The Deployment "web" is invalid: ${message}`,
          line: 6,
          fields: [{ field: 'spec.template.metadata.labels', message, line: 9 }],
        },
      },
    ]);
    expect(markers).toEqual([{ startLineNumber: 9, startColumn: 7, endLineNumber: 9, endColumn: 14, message }]);
  });

  it('prefixes a field message that does not name its field', () => {
    const [marker] = applyMarkers(TWO_DOCS, [
      { index: 1, message: 'x', error: { message: 'x', fields: [{ field: 'spec.replicas', message: 'Invalid value: -1', line: 6 }] } },
    ]);
    expect(marker.message).toBe('spec.replicas: Invalid value: -1');
  });

  it("falls back to the error's line, then to the document's first line", () => {
    const withLine = applyMarkers(TWO_DOCS, [{ index: 1, message: 'bad', error: { message: 'bad', line: 5 } }]);
    expect(withLine[0].startLineNumber).toBe(5);
    const withoutLine = applyMarkers(TWO_DOCS, [{ index: 1, message: 'bad', error: { message: 'bad' } }]);
    expect(withoutLine[0]).toMatchObject({ startLineNumber: 4, startColumn: 1, message: 'bad' });
  });

  it('keeps a line past the end inside the text', () => {
    const [marker] = applyMarkers('kind: Pod', [{ index: 0, message: 'bad', error: { message: 'bad', line: 40 } }]);
    expect(marker.startLineNumber).toBe(1);
  });
});
