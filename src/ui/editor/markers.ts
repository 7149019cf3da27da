/**
 * Where an apply's errors go in the editor: one marker per error at the line the apiserver's
 * field path points at, or the document's first line when the worker could not tell.
 */
import type { WireApplyResult } from '../../protocol/messages';

export interface ApplyMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

/** The 1-based first line of each YAML document, split at `---` lines as YAML does. */
export function documentStartLines(text: string): number[] {
  const lines = text.split('\n');
  const starts = [1];
  let content = false;
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      // A leading separator opens the first document rather than ending an empty one.
      if (content) starts.push(i + 2);
      else starts[starts.length - 1] = i + 2;
      content = false;
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      content = true;
    }
  });
  return starts;
}

function markerAt(lines: readonly string[], line: number, message: string): ApplyMarker {
  const lineNumber = Math.min(Math.max(line, 1), lines.length);
  const text = lines[lineNumber - 1] ?? '';
  const indent = text.length - text.trimStart().length;
  return {
    startLineNumber: lineNumber,
    startColumn: indent + 1,
    endLineNumber: lineNumber,
    endColumn: Math.max(text.length + 1, indent + 2),
    message,
  };
}

export function applyMarkers(text: string, results: readonly WireApplyResult[]): ApplyMarker[] {
  const lines = text.split('\n');
  const starts = documentStartLines(text);
  const markers: ApplyMarker[] = [];
  for (const result of results) {
    const error = result.error;
    if (!error) continue;
    const fallback = error.line ?? starts[result.index] ?? 1;
    const placed = (error.fields ?? []).filter((f) => f.line !== undefined);
    if (placed.length === 0) {
      markers.push(markerAt(lines, fallback, error.message));
      continue;
    }
    for (const field of placed) {
      const message = field.message.startsWith(field.field) ? field.message : `${field.field}: ${field.message}`;
      markers.push(markerAt(lines, field.line ?? fallback, message));
    }
  }
  return markers;
}
