import { describe, expect, it } from 'vitest';
import { imageExists, parseImage, planProcess } from './images';

describe('image catalog', () => {
  it('knows nginx:1.161 does not exist but 1.14.2 does (the docs stuck rollout)', () => {
    expect(imageExists('nginx:1.14.2')).toBe(true);
    expect(imageExists('nginx:1.161')).toBe(false);
    expect(imageExists('example.com/team/app:v7')).toBe(true);
  });

  it('names images as containerd does', () => {
    expect(parseImage('nginx').fullName).toBe('docker.io/library/nginx:latest');
    expect(parseImage('polinux/stress').fullName).toBe('docker.io/polinux/stress:latest');
    expect(parseImage('registry.k8s.io/pause:3.10').fullName).toBe('registry.k8s.io/pause:3.10');
  });

  it('plans what processes do', () => {
    expect(planProcess({ name: 'web', image: 'nginx:1.14.2' })).toEqual({ exitCode: 0 });
    expect(planProcess({ name: 'b', image: 'busybox' })).toEqual({ runsForMs: 0, exitCode: 0 });
    expect(planProcess({ name: 'b', image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 30; exit 3'] })).toEqual({ runsForMs: 30000, exitCode: 3 });
    expect(planProcess({ name: 'b', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 1; done'] })).toEqual({ exitCode: 0 });
  });
});
