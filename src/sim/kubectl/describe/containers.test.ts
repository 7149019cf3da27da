import { describe, expect, it } from 'vitest';
import { probeText } from './containers';
import { DescribeWriter, writeTolerations, writeAnnotations, writeTaints } from './writer';

describe('probeText (DescribeProbe)', () => {
  const timing = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  it.each([
    [{ httpGet: { path: '/healthz', port: 8080 } }, 'http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ httpGet: { path: 'ready', port: 'http', scheme: 'HTTPS', host: 'example.com' } }, 'http-get https://example.com:http/ready delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ tcpSocket: { port: 5432 } }, 'tcp-socket :5432 delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ exec: { command: ['cat', '/tmp/healthy'] } }, 'exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ grpc: { port: 9090 } }, 'grpc <pod>:9090  delay=5s timeout=1s period=10s #success=1 #failure=3'],
  ])('%j', (handler, text) => {
    expect(probeText({ ...timing, ...handler })).toBe(text);
  });
});

describe('describe sections', () => {
  it('prints tolerations as kubectl does, sorted by key', () => {
    const w = new DescribeWriter();
    writeTolerations(w, 'Tolerations', [
      { operator: 'Exists' },
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(w.toString()).toBe('Tolerations:  op=Exists\n              dedicated=gpu:NoSchedule\n              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  });

  it('prints taints sorted by effect then key', () => {
    const w = new DescribeWriter();
    writeTaints(w, 'Taints', [{ key: 'b', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoExecute' }]);
    expect(w.toString()).toBe('Taints:  a=x:NoExecute\n         b:NoSchedule\n');
  });

  it('prints long annotations on their own lines, cut at 140 characters', () => {
    const w = new DescribeWriter();
    writeAnnotations(w, 'Annotations', { long: 'x'.repeat(150), multi: 'a\nb\n', short: 'v' });
    expect(w.toString()).toBe(`Annotations:  long:\n                ${'x'.repeat(138)}...\n              multi:\n                a\n                b\n              short: v\n`);
  });
});
