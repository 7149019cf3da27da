/**
 * `kubectl describe pv / pvc / storageclass` (describePersistentVolume, describePersistentVolumeClaim
 * with its "Used By" pods, StorageClassDescriber).
 */
import type { KubeObject } from '../../api/object';
import type { ApiServer } from '../../api/server';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types';
import { accessModesString, claimClass, isDefaultClass, podClaimNames, volumeClass } from '../../storage/helpers';
import { age } from '../duration';
import { formatLabels } from '../format';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './writer';

/** Go's %v of a []string. */
const goList = (items: readonly string[] | undefined) => `[${(items ?? []).join(' ')}]`;

function statusLine(w: DescribeWriter, obj: KubeObject, phase: string | undefined, now: number): void {
  const deleting = obj.metadata.deletionTimestamp;
  w.write(0, deleting ? `Status:\tTerminating (lasts ${age(deleting, now)})\n` : `Status:\t${phase ?? ''}\n`);
}

/** printVolumeNodeAffinity: each required term's expressions as "key op [values]". */
function writeNodeAffinity(w: DescribeWriter, affinity: NonNullable<PersistentVolume['spec']>['nodeAffinity']): void {
  w.write(0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.write(0, '<none>\n');
    return;
  }
  w.write(0, '\n');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  w.write(1, `Required Terms:\t${terms.length ? '\n' : '<none>\n'}`);
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) w.write(0, '<none>\n');
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(2, '\t');
      const values = req.values?.length ? ` [${req.values.join(', ')}]` : '';
      w.write(0, `${req.key} ${req.operator.toLowerCase()}${values}\n`);
    });
  });
}

/** The PersistentVolumeSource printers for the sources a teaching cluster uses. */
function writeSource(w: DescribeWriter, pv: PersistentVolume): void {
  const spec = pv.spec ?? {};
  w.write(0, 'Source:\n');
  if (spec.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type || '<none>'}\n`);
  } else if (spec.local) {
    w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  } else if (spec.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  } else if (spec.csi) {
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`);
    const attributes = spec.csi.volumeAttributes ?? {};
    const keys = Object.keys(attributes).sort();
    w.write(2, 'VolumeAttributes:\t');
    if (keys.length === 0) w.write(0, '<none>\n');
    keys.forEach((key, i) => w.write(i === 0 ? 0 : 2, `${i === 0 ? '' : '\t'}${key}=${attributes[key]}\n`));
  } else {
    w.write(1, '<unknown>\n');
  }
}

export function describePersistentVolume(api: ApiServer, obj: KubeObject, now: number): string {
  const pv = obj as PersistentVolume;
  const ref = pv.spec?.claimRef;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pv.metadata?.name ?? ''}\n`);
  writeLabels(w, 'Labels', pv.metadata?.labels);
  writeAnnotations(w, 'Annotations', pv.metadata?.annotations);
  w.write(0, `Finalizers:\t${goList(pv.metadata?.finalizers)}\n`);
  w.write(0, `StorageClass:\t${volumeClass(pv)}\n`);
  statusLine(w, obj, pv.status?.phase, now);
  w.write(0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(pv.spec?.accessModes)}\n`);
  if (pv.spec?.volumeMode) w.write(0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${pv.spec?.capacity?.storage ?? '0'}\n`);
  writeNodeAffinity(w, pv.spec?.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  writeSource(w, pv);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}

/** getPodsForPVC: pods whose volumes name the claim, sorted by name for printPodsMultiline. */
function podsUsing(api: ApiServer, pvc: PersistentVolumeClaim): string[] {
  return (api.list('Pod', pvc.metadata?.namespace) as Pod[])
    .filter((p) => podClaimNames(p).includes(pvc.metadata?.name ?? ''))
    .map((p) => p.metadata!.name!)
    .sort();
}

export function describePersistentVolumeClaim(api: ApiServer, obj: KubeObject, now: number): string {
  const pvc = obj as PersistentVolumeClaim;
  const named = !!pvc.spec?.volumeName;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc)}\n`);
  statusLine(w, obj, pvc.status?.phase, now);
  w.write(0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  writeLabels(w, 'Labels', pvc.metadata?.labels);
  writeAnnotations(w, 'Annotations', pvc.metadata?.annotations);
  w.write(0, `Finalizers:\t${goList(pvc.metadata?.finalizers)}\n`);
  w.write(0, `Capacity:\t${named ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${named ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec?.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const pods = podsUsing(api, pvc);
  w.write(0, 'Used By:\t');
  if (pods.length === 0) w.write(0, '<none>\n');
  pods.forEach((name, i) => w.write(0, `${i === 0 ? '' : '\t'}${name}\n`));
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}

export function describeStorageClass(api: ApiServer, obj: KubeObject, now: number): string {
  const sc = obj as StorageClass;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sc.metadata?.name ?? ''}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  if (sc.mountOptions?.length) {
    w.write(0, 'MountOptions:\n');
    for (const option of sc.mountOptions) w.write(1, `${option}\n`);
  } else {
    w.write(0, 'MountOptions:\t<none>\n');
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  writeEvents(w, eventsFor(api, obj, { matchKind: true }), now);
  return w.toString();
}
