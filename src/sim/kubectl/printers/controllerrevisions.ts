/** `kubectl get controllerrevisions` (printControllerRevision): the owner as "<kind>.<group>/<name>". */
import { controllerOf, type KubeObject } from '../../api/object';
import type { ControllerRevision } from '../../api/types';
import { age } from '../duration';
import type { Cell, TablePrinter } from './table';

export const controllerRevisionPrinter: TablePrinter = {
  kind: 'ControllerRevision',
  columns: [
    { name: 'Name', priority: 0, isName: true },
    { name: 'Controller', priority: 0 },
    { name: 'Revision', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number): Cell[] {
    const revision = obj as ControllerRevision;
    const ref = controllerOf(obj);
    const group = ref?.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
    const controller = ref ? `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}` : '<none>';
    return [obj.metadata.name ?? '', controller, revision.revision ?? 0, age(obj.metadata.creationTimestamp, now)];
  },
};
