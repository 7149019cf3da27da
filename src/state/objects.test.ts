import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { imageTag, objectKey, parseKey, podRequests } from './objects';
import { bytes, cpuMillis, formatBytes, formatCpu, parseQuantity } from './quantity';

describe('keys', () => {
  it('round-trips namespaced and cluster-scoped keys', () => {
    expect(objectKey('Pod', 'default', 'web-1')).toBe('Pod/default/web-1');
    expect(objectKey('Node', undefined, 'node-1')).toBe('Node//node-1');
    expect(parseKey('Node//node-1')).toEqual({ kind: 'Node', namespace: '', name: 'node-1' });
  });
});

describe('quantities', () => {
  it.each([
    ['500m', 500],
    ['1', 1000],
    ['0.25', 250],
    ['2.5', 2500],
    ['100u', 1],
  ])('cpu %s is %i millicores', (q, m) => {
    expect(cpuMillis(q)).toBe(m);
  });

  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['512Ki', 512 * 1024],
    ['1e3', 1000],
    ['64', 64],
  ])('memory %s is %i bytes', (q, b) => {
    expect(bytes(q)).toBe(b);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('lots')).toBeNaN();
    expect(cpuMillis('lots')).toBe(0);
  });

  it('formats bars labels compactly', () => {
    expect(formatBytes(8 * 2 ** 30)).toBe('8Gi');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5Gi');
    expect(formatCpu(4000)).toBe('4');
    expect(formatCpu(250)).toBe('250m');
  });
});

describe('podRequests', () => {
  it('sums containers, takes the largest init container, adds sidecars and overhead', () => {
    const pod: Pod = {
      spec: {
        containers: [
          { name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
          { name: 'b', resources: { limits: { cpu: '200m', memory: '64Mi' } } },
        ],
        initContainers: [
          { name: 'big', resources: { requests: { cpu: '1', memory: '1Mi' } } },
          { name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } },
        ],
        overhead: { cpu: '10m' },
      },
    };
    expect(podRequests(pod)).toEqual({ cpuMillis: 1060, memoryBytes: 128 * 2 ** 20 });
  });

  it('is zero for a pod with no requests', () => {
    expect(podRequests({ spec: { containers: [{ name: 'a' }] } })).toEqual({ cpuMillis: 0, memoryBytes: 0 });
  });
});

describe('imageTag', () => {
  it.each([
    ['nginx:1.14.2', '1.14.2'],
    ['nginx', 'latest'],
    ['registry:5000/team/app', 'latest'],
    ['registry:5000/team/app:v2', 'v2'],
    ['nginx@sha256:0123456789abcdef', 'sha256:0123456'],
  ])('%s → %s', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});
