/**
 * `kubectl expose` (k8s.io/kubectl/pkg/cmd/expose): builds a Service from a Deployment,
 * ReplicaSet, Pod or Service — its selector, ports, protocols and labels — and creates it.
 * The apiserver then defaults and validates it (type, name, port range), as on a real cluster.
 */
import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { Container, LabelSelectorRequirement, Pod, PodTemplateSpec, Service, ServicePort } from '../../api/types';
import type { Invocation, Verb } from '../command';
import { AggregateError, KubectlError } from '../errors';
import { toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { findResources, type Found } from '../resources';

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);
/** validation.DNS1035LabelMaxLength: a longer object name is cut to make the Service's. */
const MAX_NAME_LENGTH = 63;
const OUTPUT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

type DryRun = 'none' | 'client' | 'server';

/** Go's %+v of label selector requirements: `[{Key:tier Operator:In Values:[a b]}]`. */
function goRequirements(requirements: readonly LabelSelectorRequirement[]): string {
  return `[${requirements.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

const labelString = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** polymorphichelpers.MapBasedSelectorForObject: the exposed object's selector as "k=v,...". */
function selectorFor(found: Found): string {
  const { object } = found;
  switch (object.kind) {
    case 'Pod':
      if (!Object.keys(object.metadata.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed');
      return labelString(object.metadata.labels);
    case 'Service': {
      const selector = (object as Service).spec?.selector;
      if (!Object.keys(selector ?? {}).length) throw new Error('the service has no pod selector set');
      return labelString(selector);
    }
    default: {
      const selector = (object.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] } } | undefined)?.selector;
      if (!Object.keys(selector?.matchLabels ?? {}).length) throw new Error(`invalid ${object.kind.toLowerCase()}: no selectors, therefore cannot be exposed`);
      if (selector?.matchExpressions?.length) {
        throw new Error(`couldn't convert expressions - "${goRequirements(selector.matchExpressions)}" to map-based selector format`);
      }
      return labelString(selector?.matchLabels);
    }
  }
}

/** The exposed object's ports and their protocols: container ports, or a Service's own ports. */
function portsOf(object: KubeObject): { port: number; protocol: string }[] {
  if (object.kind === 'Service') return ((object as Service).spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  const spec = object.kind === 'Pod' ? (object as Pod).spec : (object.spec as { template?: PodTemplateSpec } | undefined)?.template?.spec;
  return (spec?.containers ?? []).flatMap((c: Container) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

/** parseLabels: "k=v,k2=v2", each pair split at every "=". */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) throw new KubectlError(`unexpected label spec: ${pair}`);
    if (!parts[0]) throw new KubectlError('unexpected empty label key');
    labels[parts[0]] = parts[1];
  }
  return labels;
}

/** strconv.Atoi with Go's error text. */
function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** intstr.Parse: a number when it reads as one, else a port name. */
const intOrString = (text: string): number | string => (/^[+-]?\d+$/.test(text) ? Number(text) : text);

interface ServiceOptions {
  name: string;
  selector: string;
  labels: string;
  /** The port list: --port, or every port of the exposed object. */
  ports: string[];
  /** Protocols by port number, from the exposed object. */
  protocols: Map<string, string[]>;
}

/** createService: the Service kubectl sends, before any server defaulting. */
function createService(inv: Invocation, o: ServiceOptions): Service {
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  const flagProtocol = inv.flags.string('protocol');
  const ports: ServicePort[] = [];
  o.ports.forEach((text, i) => {
    const port = atoi(text);
    const name = o.ports.length > 1 ? `port-${i + 1}` : undefined;
    const known = o.protocols.get(text);
    // --protocol wins; without it a port takes the exposed object's protocol, one port per protocol.
    if (flagProtocol || !known) {
      ports.push({ name, port, protocol: flagProtocol || 'TCP' });
    } else if (known.length === 1) {
      ports.push({ name, port, protocol: known[0] });
    } else {
      for (const protocol of known) ports.push({ name: `port-${i + 1}-${protocol.toLowerCase()}`, port, protocol });
    }
  });
  const targetPort = inv.flags.string('target-port');
  for (const p of ports) p.targetPort = targetPort ? intOrString(targetPort) : p.port;
  const spec: NonNullable<Service['spec']> = { ports, selector };
  if (inv.flags.string('external-ip')) spec.externalIPs = [inv.flags.string('external-ip')];
  if (inv.flags.string('type')) spec.type = inv.flags.string('type');
  if (spec.type === 'LoadBalancer' && inv.flags.string('load-balancer-ip')) spec.loadBalancerIP = inv.flags.string('load-balancer-ip');
  const affinity = inv.flags.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (inv.flags.string('cluster-ip')) spec.clusterIP = inv.flags.string('cluster-ip');
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: o.name, ...(labels ? { labels } : {}) }, spec };
}

function dryRunStrategy(value: string): DryRun {
  // A bare --dry-run is the deprecated spelling of --dry-run=client.
  if (value === 'unchanged' || value === 'client') return 'client';
  if (value === 'none' || value === 'server') return value;
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

function outputFormat(value: string): string {
  if (value && !OUTPUT_FORMATS.includes(value)) {
    throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(value)}, allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
  if (value && !['name', 'yaml', 'json'].includes(value)) throw new KubectlError(`kubesim does not support -o ${value} yet; use -o yaml, json or name`);
  return value;
}

/** `printable` is what -o yaml|json show: the created Service, or the one a client dry run would send. */
function print(inv: Invocation, serviceName: string, printable: unknown, format: string, dryRun: DryRun): void {
  const name = `service/${serviceName}`;
  if (format === 'yaml') inv.out.out(toYaml(printable));
  else if (format === 'json') inv.out.out(toJson(printable));
  else if (format === 'name') inv.out.out(`${name}\n`);
  else inv.out.out(`${name} exposed${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
}

/** One exposed object: its Service built, then created (or, with --dry-run=client, only printed). */
function expose(inv: Invocation, found: Found, format: string, dryRun: DryRun): void {
  if (!EXPOSABLE.has(found.info.kind)) throw new KubectlError(`cannot expose a ${found.info.kind}`);
  let selector = inv.flags.string('selector');
  if (!selector) {
    try {
      selector = selectorFor(found);
    } catch (err) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`);
    }
  }
  const exposed = portsOf(found.object);
  const ports = inv.flags.string('port') ? inv.flags.string('port').split(',') : [...new Set(exposed.map((p) => String(p.port)))];
  if (ports.length === 0 && inv.flags.string('cluster-ip') !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
  const protocols = new Map<string, string[]>();
  for (const { port, protocol } of exposed) {
    const list = protocols.get(String(port)) ?? [];
    if (!list.includes(protocol)) list.push(protocol);
    protocols.set(String(port), list);
  }
  const service = createService(inv, {
    name: inv.flags.string('name') || (found.object.metadata.name ?? '').slice(0, MAX_NAME_LENGTH),
    selector,
    labels: inv.flags.string('labels') || labelString(found.object.metadata.labels),
    ports,
    protocols,
  }) as KubeObject;
  const name = service.metadata.name ?? '';
  if (dryRun === 'client') {
    if (inv.namespaceGiven) service.metadata.namespace = inv.namespace;
    // As the Go struct serialises before the server has seen it.
    print(inv, name, { ...service, metadata: { creationTimestamp: null, ...service.metadata }, status: { loadBalancer: {} } }, format, dryRun);
    return;
  }
  service.metadata.namespace = inv.namespace;
  print(inv, name, inv.ctx.api.create(service, 'kubectl', { dryRun: dryRun === 'server' }), format, dryRun);
}

export const exposeVerb: Verb = {
  name: 'expose',
  group: 'Basic Commands (Beginner):',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  examples: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'cluster-ip', type: 'string', default: '', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    {
      name: 'dry-run',
      type: 'string',
      default: 'none',
      noOptDefault: 'unchanged',
      usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    },
    {
      name: 'external-ip',
      type: 'string',
      default: '',
      usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
    },
    { name: 'labels', shorthand: 'l', type: 'string', default: '', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', default: '', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object.' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name).' },
    { name: 'port', type: 'string', default: '', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', default: '', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    {
      name: 'selector',
      type: 'string',
      default: '',
      usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    },
    { name: 'session-affinity', type: 'string', default: '', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'target-port', type: 'string', default: '', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', default: '', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
  run(inv) {
    const dryRun = dryRunStrategy(inv.flags.string('dry-run'));
    const format = outputFormat(inv.flags.string('output'));
    const result = findResources(inv.ctx.api, { args: inv.args, namespace: inv.namespace, allNamespaces: false, allowEmptySelector: false });
    const errors: Error[] = [...result.errors];
    // Each object gets its own Service from its own selector and ports; kubectl v1.32 reuses the
    // first object's for the rest, which nobody relies on.
    for (const found of result.found) {
      try {
        expose(inv, found, format, dryRun);
      } catch (err) {
        if (!(err instanceof ApiError || err instanceof KubectlError)) throw err;
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors);
    return 0;
  },
};
