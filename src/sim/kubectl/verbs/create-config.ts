/**
 * `kubectl create configmap` and `kubectl create secret generic|docker-registry`
 * (create_configmap.go, create_secret.go, create_secret_docker.go): keys from --from-literal,
 * --from-file (read through the context, as `-f` is) and --from-env-file.
 */
import type { CommandGroup, Invocation } from '../command';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { HELP } from './create-help';
import { createGenerated, dryRunStrategy, generatorVerb, nameArg, objectMeta, outputFormat, sortedMap, type GoObject } from './create-common';

const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** validation.IsConfigMapKey. */
function configKeyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > 253) problems.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) problems.push(CONFIG_KEY_MESSAGE);
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** validation.IsEnvVarName. */
function envVarNameProblems(key: string): string[] {
  const problems: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
    problems.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** UTF-8 bytes of a string, then standard base64: how a []byte field serialises. */
export function base64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}

/** util.ParseLiteralSource: "key=value", split at the first "=". */
function parseLiteral(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq < 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: "path" keyed by its base name, or "key=path". */
function parseFileSource(source: string): [string, string] {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [source.split('/').filter(Boolean).at(-1) ?? source, source];
  if (separators === 1 && source.startsWith('=')) throw new KubectlError(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) throw new KubectlError(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new KubectlError("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

function readFile(inv: Invocation, path: string): string {
  try {
    if (!inv.ctx.readFile) throw new Error('no file system');
    return inv.ctx.readFile(path);
  } catch {
    throw new KubectlError(`error reading ${path}: no such file or directory`);
  }
}

/** cmdutil.AddFromEnvFile: KEY=value lines; blank lines and # comments skipped. */
function envFileEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw) => {
      const line = raw.replace(/^\s+/, '');
      if (!line || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const problems = envVarNameProblems(key);
      if (problems.length) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: ${problems.join(';')}`);
      // A line without "=" takes the variable from kubectl's environment, which the simulation has none of.
      entries.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
    });
  return entries;
}

interface Sources {
  literals: string[];
  files: string[];
  envFiles: string[];
}

function sources(inv: Invocation): Sources {
  const result = { literals: inv.flags.strings('from-literal'), files: inv.flags.strings('from-file'), envFiles: inv.flags.strings('from-env-file') };
  if (result.envFiles.length && (result.files.length || result.literals.length)) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
  return result;
}

function runConfigMap(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const { literals, files, envFiles } = sources(inv);
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    const problems = configKeyProblems(key);
    if (problems.length) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${problems.join(',')}`);
    if (key in data) throw new KubectlError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
    data[key] = value;
  };
  // kubectl's order: files, then literals, then env files.
  for (const source of files) {
    const [key, path] = parseFileSource(source);
    add(key, readFile(inv, path));
  }
  for (const source of literals) add(...parseLiteral(source));
  for (const path of envFiles) for (const [key, value] of envFileEntries(readFile(inv, path))) add(key, value);
  const configMap: GoObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: objectMeta(inv, { name }) };
  if (Object.keys(data).length) configMap.data = sortedMap(data);
  createGenerated(inv, configMap, format, dryRun, { failurePrefix: 'failed to create configmap: ' });
  return 0;
}

const SOURCE_FLAGS: FlagSpec[] = [
  { name: 'from-env-file', type: 'stringSlice', default: [], usage: '' },
  { name: 'from-file', type: 'stringSlice', default: [], usage: '' },
  { name: 'from-literal', type: 'stringArray', default: [], usage: '' },
];

export const createConfigMapVerb = generatorVerb('create configmap', [...SOURCE_FLAGS], runConfigMap, { aliases: ['cm'] });

/** A Secret in Go field order: data (base64, keys sorted), then type. */
function secretObject(inv: Invocation, name: string, data: Record<string, string>, type: string): GoObject {
  const secret: GoObject = { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta(inv, { name }) };
  if (Object.keys(data).length) secret.data = sortedMap(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)])));
  if (type) secret.type = type;
  return secret;
}

/** addKeyFromLiteralToSecret's checks, worded as kubectl words them for secrets. */
function secretAdder(data: Record<string, string>) {
  return (key: string, value: string) => {
    const problems = configKeyProblems(key);
    if (problems.length) throw new KubectlError(`${JSON.stringify(key)} is not valid key name for a Secret ${problems.join(';')}`);
    if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value;
  };
}

function runGenericSecret(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const { literals, files, envFiles } = sources(inv);
  const data: Record<string, string> = {};
  const add = secretAdder(data);
  // Secrets take literals before files, unlike ConfigMaps.
  for (const source of literals) add(...parseLiteral(source));
  for (const source of files) {
    const [key, path] = parseFileSource(source);
    add(key, readFile(inv, path));
  }
  for (const path of envFiles) for (const [key, value] of envFileEntries(readFile(inv, path))) add(key, value);
  createGenerated(inv, secretObject(inv, name, data, inv.flags.string('type')), format, dryRun, { failurePrefix: 'failed to create secret ' });
  return 0;
}

/** JSON of a Go string as json.Marshal writes it (HTML-safe). */
const goString = (text: string) => JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** handleDockerCfgJSONContent: {"auths":{SERVER:{username,password,email,auth}}}, empty fields left out. */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry = (
    [
      ['username', username],
      ['password', password],
      ['email', email],
      ['auth', base64(`${username}:${password}`)],
    ] as const
  )
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `"${key}":${goString(value)}`)
    .join(',');
  return `{"auths":{${goString(server)}:{${entry}}}}`;
}

function runDockerRegistrySecret(inv: Invocation): number {
  const name = nameArg(inv);
  const format = outputFormat(inv);
  const dryRun = dryRunStrategy(inv);
  const files = inv.flags.strings('from-file');
  const [username, password, email, server] = ['docker-username', 'docker-password', 'docker-email', 'docker-server'].map((f) => inv.flags.string(f));
  if (files.length === 0 && (!username || !password || !server)) {
    throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data: Record<string, string> = {};
  const add = secretAdder(data);
  if (files.length) {
    for (const source of files) {
      const [key, path] = parseFileSource(source);
      add(key, readFile(inv, path));
    }
  } else {
    data['.dockerconfigjson'] = dockerConfigJson(username, password, email, server);
  }
  createGenerated(inv, secretObject(inv, name, data, 'kubernetes.io/dockerconfigjson'), format, dryRun, { failurePrefix: 'failed to create secret ' });
  return 0;
}

export const createSecretCommand: CommandGroup = {
  name: 'secret',
  group: 'Basic Commands (Beginner):',
  short: HELP['create secret'].short,
  long: HELP['create secret'].long,
  examples: HELP['create secret'].examples,
  subcommands: [
    generatorVerb(
      'create secret docker-registry',
      [
        { name: 'docker-email', type: 'string', default: '', usage: '' },
        { name: 'docker-password', type: 'string', default: '', usage: '' },
        { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: '' },
        { name: 'docker-username', type: 'string', default: '', usage: '' },
        { name: 'from-file', type: 'stringSlice', default: [], usage: '' },
      ],
      runDockerRegistrySecret,
    ),
    generatorVerb('create secret generic', [...SOURCE_FLAGS, { name: 'type', type: 'string', default: '', usage: '' }], runGenericSecret),
  ],
};
