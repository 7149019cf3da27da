/**
 * The ConfigMaps, Secrets and PersistentVolumeClaims a pod refers to by name: volumes (also
 * projected ones), `env[].valueFrom`, `envFrom` and `imagePullSecrets`.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';

export interface PodReferences {
  configMaps: string[];
  secrets: string[];
  claims: string[];
}

function add(list: string[], name: string | undefined): void {
  if (name && !list.includes(name)) list.push(name);
}

export function podReferences(pod: Pod): PodReferences {
  const refs: PodReferences = { configMaps: [], secrets: [], claims: [] };
  const spec = pod.spec;
  for (const volume of spec?.volumes ?? []) {
    add(refs.configMaps, volume.configMap?.name);
    add(refs.secrets, volume.secret?.secretName);
    add(refs.claims, volume.persistentVolumeClaim?.claimName);
    for (const source of volume.projected?.sources ?? []) {
      add(refs.configMaps, source.configMap?.name);
      add(refs.secrets, source.secret?.name);
    }
  }
  const containers: Container[] = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  for (const container of containers) {
    for (const env of container.env ?? []) {
      add(refs.configMaps, env.valueFrom?.configMapKeyRef?.name);
      add(refs.secrets, env.valueFrom?.secretKeyRef?.name);
    }
    for (const from of container.envFrom ?? []) {
      add(refs.configMaps, from.configMapRef?.name);
      add(refs.secrets, from.secretRef?.name);
    }
  }
  for (const pull of spec?.imagePullSecrets ?? []) add(refs.secrets, pull.name);
  return refs;
}
