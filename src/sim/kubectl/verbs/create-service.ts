/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname` (create_service.go): a
 * Service selecting `app=NAME`, one port per --tcp `port[:targetPort]` named after it.
 */
import type { CommandGroup, Invocation, Verb } from '../command';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { HELP } from './create-help';
import { createGenerated, dryRunStrategy, generatorVerb, nameArg, objectMeta, outputFormat, sortedMap, type GoObject } from './create-common';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** strconv.ParseUint(text, 10, 16), which utilsnet.ParsePort uses. */
function parseUint16(text: string): number {
  if (!/^\d+$/.test(text)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (value > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** validation.IsValidPortName's messages, joined as parsePorts joins them. */
function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  if (name.includes('--')) problems.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not begin or end with a hyphen');
  return problems;
}

/** parsePorts: "port" or "port:targetPort", the target a number or a port name. */
function parsePorts(text: string): { port: number; targetPort: number | string } {
  const parts = text.split(':');
  const port = parseUint16(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (/^[+-]?\d+$/.test(target)) {
    const number = Number(target);
    if (number < 1 || number > 65535) throw new KubectlError('must be between 1 and 65535, inclusive');
    return { port, targetPort: number };
  }
  const problems = portNameProblems(target);
  if (problems.length) throw new KubectlError(problems.join(','));
  return { port, targetPort: target };
}

/** validation.IsDNS1123Subdomain, for --external-name. */
const isDns1123Subdomain = (name: string) => name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);

function serviceRunner(type: ServiceType) {
  return (inv: Invocation): number => {
    const name = nameArg(inv);
    const format = outputFormat(inv);
    const dryRun = dryRunStrategy(inv);
    const tcp = inv.flags.strings('tcp');
    const clusterIP = type === 'ClusterIP' ? inv.flags.string('clusterip') : '';
    const externalName = type === 'ExternalName' ? inv.flags.string('external-name') : '';
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
    if (type === 'ExternalName' && !isDns1123Subdomain(externalName)) throw new KubectlError(`invalid service external name ${externalName}`);
    const nodePort = type === 'NodePort' ? inv.flags.int('node-port') : 0;
    const ports = tcp.map((text) => {
      const { port, targetPort } = parsePorts(text);
      const servicePort: GoObject = { name: text.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
      if (nodePort) servicePort.nodePort = nodePort;
      return servicePort;
    });
    const spec: GoObject = {};
    if (ports.length) spec.ports = ports;
    spec.selector = sortedMap({ app: name });
    if (clusterIP) spec.clusterIP = clusterIP;
    spec.type = type;
    if (externalName) spec.externalName = externalName;
    const service: GoObject = { kind: 'Service', apiVersion: 'v1', metadata: objectMeta(inv, { name, labels: { app: name } }), spec, status: { loadBalancer: {} } };
    createGenerated(inv, service, format, dryRun, { failurePrefix: `failed to create ${type} service: ` });
    return 0;
  };
}

const TCP: FlagSpec = { name: 'tcp', type: 'stringSlice', default: [], usage: '' };

const serviceVerbs: Verb[] = [
  generatorVerb('create service clusterip', [TCP, { name: 'clusterip', type: 'string', default: '', usage: '' }], serviceRunner('ClusterIP')),
  generatorVerb('create service externalname', [TCP, { name: 'external-name', type: 'string', default: '', usage: '' }], serviceRunner('ExternalName'), {
    required: ['external-name'],
  }),
  generatorVerb('create service loadbalancer', [TCP], serviceRunner('LoadBalancer')),
  generatorVerb('create service nodeport', [TCP, { name: 'node-port', type: 'int', default: 0, usage: '' }], serviceRunner('NodePort')),
];

export const createServiceCommand: CommandGroup = {
  name: 'service',
  group: 'Basic Commands (Beginner):',
  short: HELP['create service'].short,
  long: HELP['create service'].long,
  examples: HELP['create service'].examples,
  subcommands: serviceVerbs,
};
