import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podReferences } from './pod-refs';
import { accessModesText, claimPhase, phaseTone, podClaimKeys, storageClassOf } from './storage';

const pod: Pod = {
  metadata: { name: 'web-0', namespace: 'shop' },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'nginx',
        env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
        envFrom: [{ configMapRef: { name: 'settings' } }],
      },
    ],
    volumes: [
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
      { name: 'again', persistentVolumeClaim: { claimName: 'www-web-0' } },
      { name: 'conf', configMap: { name: 'nginx-conf' } },
      { name: 'tls', secret: { secretName: 'tls' } },
      { name: 'all', projected: { sources: [{ configMap: { name: 'settings' } }, { secret: { name: 'extra' } }] } },
    ],
    imagePullSecrets: [{ name: 'registry' }],
  },
};

describe('storage readers', () => {
  it('lists the claims a pod mounts, once each, in its namespace', () => {
    expect(podClaimKeys(pod)).toEqual(['PersistentVolumeClaim/shop/www-web-0']);
  });

  it('abbreviates access modes as kubectl does', () => {
    expect(accessModesText(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).toBe('RWO,ROX,RWX,RWOP');
  });

  it('colours phases: Bound green, Pending amber, Available blue, Released grey, Lost and Failed red', () => {
    expect(['Bound', 'Pending', 'Available', 'Released', 'Lost', 'Failed'].map(phaseTone)).toEqual(['bound', 'pending', 'available', 'released', 'failed', 'failed']);
  });

  it('reads an unset claim phase as Pending and the class from the legacy annotation first', () => {
    expect(claimPhase({ spec: {} })).toBe('Pending');
    expect(storageClassOf({ metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } }, spec: { storageClassName: 'fast' } })).toBe('slow');
    expect(storageClassOf({ spec: {} })).toBe('');
  });

  it('finds the ConfigMaps, Secrets and claims a pod refers to', () => {
    expect(podReferences(pod)).toEqual({
      configMaps: ['nginx-conf', 'settings'],
      secrets: ['tls', 'extra', 'db', 'registry'],
      claims: ['www-web-0'],
    });
  });
});
