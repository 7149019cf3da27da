import { describe, expect, it } from 'vitest';
import type { Pod, Secret } from 'kubernetes-types/core/v1';
import { filesByVolume, secretEnvNames } from './pod-view';

const pod: Pod = {
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    containers: [
      {
        name: 'app',
        env: [
          { name: 'PLAIN', value: 'x' },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        ],
        envFrom: [{ secretRef: { name: 'api' }, prefix: 'API_' }, { configMapRef: { name: 'cfg' } }],
      },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'keeper' } },
      { name: 'creds', secret: { secretName: 'db' } },
      { name: 'scratch', emptyDir: {} },
    ],
  },
};

describe('pod view', () => {
  it('groups files by volume in the pod order, marking Secret volumes', () => {
    const files = [
      { path: '/etc/creds/password', volume: 'creds', content: 's3cr3t' },
      { path: '/data/count', volume: 'data', content: '3' },
    ];
    expect(filesByVolume(pod, files)).toEqual([
      { volume: 'data', source: 'persistentVolumeClaim: keeper', secret: false, files: [files[1]] },
      { volume: 'creds', source: 'secret: db', secret: true, files: [files[0]] },
      { volume: 'scratch', source: 'emptyDir', secret: false, files: [] },
    ]);
  });

  it('names the variables that hold Secret values: secretKeyRef and envFrom keys with their prefix', () => {
    const api: Secret = { metadata: { name: 'api' }, data: { token: 'dA==' } };
    expect([...secretEnvNames(pod, 'app', new Map([['api', api]]))].sort()).toEqual(['API_token', 'PASSWORD']);
  });
});
