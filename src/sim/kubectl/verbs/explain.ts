/**
 * `kubectl explain TYPE[.field...]` (k8s.io/kubectl/pkg/explain/v2, the plaintext template): a
 * resource's or field's description and its fields, read from the v1.32 OpenAPI schema's
 * descriptions in src/schema/kubernetes.schema.json.
 */
import schema from '../../../schema/kubernetes.schema.json';
import structure from '../../../schema/kubernetes.structure.json';
import { apiVersionOf } from '../../api/kinds';
import type { Structure } from '../../api/schema';
import type { Verb } from '../command';
import { KubectlError } from '../errors';
import { mappingFor } from '../resources';

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
}

const DEFINITIONS = (schema as unknown as { definitions: Record<string, SchemaNode> }).definitions;
const KINDS = (structure as Structure).kinds;

/** A node with its $ref followed, keeping the referring field's own description. */
function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const target = DEFINITIONS[node.$ref.replace('#/definitions/', '')] ?? {};
  return { ...target, description: node.description ?? target.description };
}

function primitive(node: SchemaNode): string | undefined {
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  return types.find((t) => t !== 'null');
}

/** The template's typeGuess: a primitive, `[]T`, `map[string]T`, or the referenced type's name. */
function typeGuess(node: SchemaNode): string {
  if (node.$ref) {
    const target = DEFINITIONS[node.$ref.replace('#/definitions/', '')];
    // A one-typed primitive (Time is a string) prints as that type; Quantity and IntOrString by name.
    const types = (Array.isArray(target?.type) ? target.type : target?.type ? [target.type] : []).filter((t) => t !== 'null');
    if (types.length === 1 && types[0] !== 'object' && types[0] !== 'array') return types[0];
    return node.$ref.slice(node.$ref.lastIndexOf('.') + 1);
  }
  const type = primitive(node);
  if (type === 'array') return `[]${node.items ? typeGuess(node.items) : 'Object'}`;
  if (type === 'object' && typeof node.additionalProperties === 'object') return `map[string]${typeGuess(node.additionalProperties)}`;
  if (type === 'object' || type === undefined) return 'Object';
  return type;
}

/**
 * sprig's wrap (goutils.WrapCustom): break at the last space within the first `width` characters,
 * so a full line is at most width-1 long unless it is the last; a longer word stays whole.
 */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = paragraph;
    while (rest.length > width) {
      if (rest.startsWith(' ')) {
        rest = rest.slice(1);
        continue;
      }
      let at = rest.slice(0, width).lastIndexOf(' ');
      if (at <= 0) at = rest.indexOf(' ', width);
      if (at < 0) break;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    lines.push(rest);
  }
  return lines;
}

function indented(text: string, width: number, indent: number): string {
  return wrap(text, width)
    .map((l) => (l ? `${' '.repeat(indent)}${l}` : ''))
    .join('\n');
}

export const explainVerb: Verb = {
  name: 'explain',
  group: 'Basic Commands (Intermediate):',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  run(inv) {
    if (inv.args.length === 0) {
      throw new KubectlError(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    }
    if (inv.args.length > 1) throw new KubectlError(`We accept only this format: explain RESOURCE\n`);
    if (inv.flags.bool('recursive') || inv.flags.string('output') !== 'plaintext') throw new KubectlError('kubesim simulates kubectl explain in the plaintext format, without --recursive');
    const [resource, ...path] = inv.args[0].split('.');
    const info = mappingFor(resource);
    const apiVersion = inv.flags.string('api-version') || apiVersionOf(info);
    const root = KINDS[`${apiVersion} ${info.kind}`];
    if (!root) throw new KubectlError(`couldn't find resource for "${apiVersion}, Kind=${info.kind}"`);
    let node: SchemaNode = { $ref: `#/definitions/${root}` };
    let field: { name: string; type: string } | undefined;
    for (const name of path) {
      let parent = resolve(node);
      // A list or map field explains its elements' fields.
      while (primitive(parent) === 'array' && parent.items) parent = resolve(parent.items);
      if (typeof parent.additionalProperties === 'object') parent = resolve(parent.additionalProperties);
      const child = parent.properties?.[name];
      if (!child) throw new KubectlError(`field "${name}" does not exist`);
      field = { name, type: typeGuess(child) };
      node = child;
    }
    let shown = resolve(node);
    while (primitive(shown) === 'array' && shown.items) shown = { ...resolve(shown.items), description: shown.description };

    let text = `${info.group ? `GROUP:      ${info.group}\n` : ''}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
    if (field) text += `FIELD: ${field.name} <${field.type}>\n\n`;
    if (shown.description) text += `DESCRIPTION:\n${indented(shown.description, 76, 4)}\n`;
    const properties = shown.properties ?? {};
    const names = Object.keys(properties).sort();
    if (names.length) {
      text += '\nFIELDS:\n';
      for (const name of names) {
        const child = properties[name];
        text += `  ${name}\t<${typeGuess(child)}>${shown.required?.includes(name) ? ' -required-' : ''}\n`;
        const description = resolve(child).description;
        if (description) text += `${indented(description, 76, 4)}\n`;
        text += '\n';
      }
    }
    inv.out.out(text);
    return 0;
  },
};
