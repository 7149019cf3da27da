import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../cluster';

const DATA = `apiVersion: v1
kind: ConfigMap
metadata:
  name: game-config
  labels: {app: game}
data:
  lives: "3"
  ui.properties: |
    color=purple
binaryData:
  logo.png: iVBORw0KGgo=
---
apiVersion: v1
kind: Secret
metadata: {name: db-creds}
stringData:
  password: s3cr3t-pa55
  username: admin
`;

describe('ConfigMaps and Secrets in kubectl', () => {
  it('lists ConfigMaps with DATA and Secrets with TYPE and DATA', () => {
    const c = new SimCluster({ nodes: 1 });
    c.apply(DATA);
    c.advance(75_000);
    expect(c.kubectl('get cm game-config').stdout).toBe('NAME          DATA   AGE\ngame-config   3      75s\n');
    expect(c.kubectl('get secret db-creds').stdout).toBe('NAME       TYPE     DATA   AGE\ndb-creds   Opaque   2      75s\n');
  });

  it('describes a ConfigMap with its values', () => {
    const c = new SimCluster({ nodes: 1 });
    c.apply(DATA);
    expect(c.kubectl('describe configmap game-config').stdout).toBe(
      [
        'Name:         game-config',
        'Namespace:    default',
        'Labels:       app=game',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'lives:',
        '----',
        '3',
        '',
        'ui.properties:',
        '----',
        'color=purple',
        '',
        '',
        '',
        'BinaryData',
        '====',
        'logo.png: 8 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes a Secret by the size of each value, never the value', () => {
    const c = new SimCluster({ nodes: 1 });
    c.apply(DATA);
    const out = c.kubectl('describe secret db-creds').stdout;
    expect(out).toBe(
      ['Name:         db-creds', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  11 bytes', 'username:  5 bytes', ''].join('\n'),
    );
    expect(out).not.toContain('s3cr3t');
  });
});
