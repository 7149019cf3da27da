/** The manifests `-f` names, for apply and delete: "-" is stdin, anything else a file. */
import type { Invocation } from '../command';
import { KubectlError } from '../errors';

export interface Source {
  /** The name kubectl gives the text in messages: the path, or "STDIN". */
  source: string;
  text: string;
}

/** Reads every -f argument; files come through the context (the Node CLI), or do not exist (the browser). */
export function readSources(inv: Invocation, files: readonly string[]): Source[] {
  return files.map((file) => {
    if (file === '-') return { source: 'STDIN', text: inv.stdin ?? '' };
    try {
      if (!inv.ctx.readFile) throw new Error('no file system');
      return { source: file, text: inv.ctx.readFile(file) };
    } catch {
      throw new KubectlError(`the path ${JSON.stringify(file)} does not exist`);
    }
  });
}
