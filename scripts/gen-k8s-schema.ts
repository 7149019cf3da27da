/**
 * Generates the Kubernetes schema files from the JSDoc'd `.d.ts` files of the kubernetes-types package:
 *  - src/schema/kubernetes.schema.json: JSON Schema (draft-07) for the editor (monaco-yaml): completion,
 *    hover docs and inline errors, the kind's schema chosen by `kind`;
 *  - src/schema/kubernetes.structure.json: the compact field shapes and Go types the simulated
 *    apiserver's decoder walks (src/sim/api/schema.ts).
 * Run `npx tsx scripts/gen-k8s-schema.ts`. Output is deterministic: sorted keys, stable layout.
 */
import ts from 'typescript';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Structure, StructureField } from '../src/sim/api/schema';

/**
 * The kinds kubesim serves, by apiVersion. A kind's declarations come from kubernetes-types (module
 * "<group's first label>/<version>") or, for kinds it lacks (Argo Rollouts), from EXTRA_DECLARATIONS.
 */
export const KINDS: Record<string, string[]> = {
  v1: ['Pod', 'Service', 'Namespace', 'Node', 'ConfigMap', 'Secret', 'PersistentVolume', 'PersistentVolumeClaim',
    'Event', 'LimitRange', 'ResourceQuota', 'ServiceAccount', 'Endpoints'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  'batch/v1': ['Job', 'CronJob'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'storage.k8s.io/v1': ['StorageClass'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'coordination.k8s.io/v1': ['Lease'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
};

// ---------------------------------------------------------------------------------------------
// Go facts the TypeScript declarations do not carry (kubernetes-types has `number` and `string`
// only). Keys are "GoStruct.jsonField"; checked against k8s.io/api v1.32.

/** Integer fields that are int64 in Go; every other integer field is int32. */
const INT64_FIELDS = new Set([
  'ObjectMeta.generation', 'ObjectMeta.deletionGracePeriodSeconds',
  'PodSpec.terminationGracePeriodSeconds', 'PodSpec.activeDeadlineSeconds',
  'Probe.terminationGracePeriodSeconds', 'SleepAction.seconds', 'Toleration.tolerationSeconds',
  'SecurityContext.runAsUser', 'SecurityContext.runAsGroup',
  'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsGroup', 'PodSecurityContext.fsGroup',
  'PodSecurityContext.supplementalGroups', 'LinuxContainerUser.uid', 'LinuxContainerUser.gid',
  'LinuxContainerUser.supplementalGroups', 'ServiceAccountTokenProjection.expirationSeconds',
  'ContainerImage.sizeBytes', 'JobSpec.activeDeadlineSeconds', 'CronJobSpec.startingDeadlineSeconds',
  'DeploymentStatus.observedGeneration', 'ReplicaSetStatus.observedGeneration',
  'StatefulSetStatus.observedGeneration', 'DaemonSetStatus.observedGeneration',
  'HorizontalPodAutoscalerStatus.observedGeneration', 'PodDisruptionBudgetStatus.observedGeneration',
  'Condition.observedGeneration',
]);

/** String fields whose Go type is a named string type ("v1.RestartPolicy"), as Go's errors print it. */
const NAMED_STRING_TYPES: Record<string, string[]> = {
  'v1.Protocol': ['ContainerPort.protocol', 'ServicePort.protocol', 'EndpointPort.protocol', 'PortStatus.protocol',
    'NetworkPolicyPort.protocol', 'IngressPortStatus.protocol'],
  'v1.PullPolicy': ['Container.imagePullPolicy', 'EphemeralContainer.imagePullPolicy', 'ImageVolumeSource.pullPolicy'],
  'v1.TerminationMessagePolicy': ['Container.terminationMessagePolicy', 'EphemeralContainer.terminationMessagePolicy'],
  'v1.ContainerRestartPolicy': ['Container.restartPolicy', 'EphemeralContainer.restartPolicy'],
  'v1.ResourceName': ['ContainerResizePolicy.resourceName', 'ResourceStatus.name'],
  'v1.ResourceID': ['ResourceHealth.resourceID'],
  'v1.ResourceHealthStatus': ['ResourceHealth.health'],
  'v1.ResourceResizeRestartPolicy': ['ContainerResizePolicy.restartPolicy'],
  'v1.MountPropagationMode': ['VolumeMount.mountPropagation'],
  'v1.RecursiveReadOnlyMode': ['VolumeMount.recursiveReadOnly'],
  'v1.URIScheme': ['HTTPGetAction.scheme'],
  'v1.Capability': ['Capabilities.add', 'Capabilities.drop'],
  'v1.ProcMountType': ['SecurityContext.procMount'],
  'v1.SeccompProfileType': ['SeccompProfile.type'],
  'v1.AppArmorProfileType': ['AppArmorProfile.type'],
  'v1.PodFSGroupChangePolicy': ['PodSecurityContext.fsGroupChangePolicy'],
  'v1.SupplementalGroupsPolicy': ['PodSecurityContext.supplementalGroupsPolicy'],
  'v1.PodSELinuxChangePolicy': ['PodSecurityContext.seLinuxChangePolicy'],
  'v1.RestartPolicy': ['PodSpec.restartPolicy'],
  'v1.DNSPolicy': ['PodSpec.dnsPolicy'],
  'v1.PreemptionPolicy': ['PodSpec.preemptionPolicy'],
  'v1.OSName': ['PodOS.name'],
  'v1.TolerationOperator': ['Toleration.operator'],
  'v1.TaintEffect': ['Toleration.effect', 'Taint.effect'],
  'v1.NodeSelectorOperator': ['NodeSelectorRequirement.operator'],
  'v1.LabelSelectorOperator': ['LabelSelectorRequirement.operator'],
  'v1.UnsatisfiableConstraintAction': ['TopologySpreadConstraint.whenUnsatisfiable'],
  'v1.NodeInclusionPolicy': ['TopologySpreadConstraint.nodeAffinityPolicy', 'TopologySpreadConstraint.nodeTaintsPolicy'],
  'v1.HostPathType': ['HostPathVolumeSource.type'],
  'v1.StorageMedium': ['EmptyDirVolumeSource.medium'],
  'v1.AzureDataDiskKind': ['AzureDiskVolumeSource.kind'],
  'v1.AzureDataDiskCachingMode': ['AzureDiskVolumeSource.cachingMode'],
  'v1.PersistentVolumeAccessMode': ['PersistentVolumeSpec.accessModes', 'PersistentVolumeClaimSpec.accessModes',
    'PersistentVolumeClaimStatus.accessModes'],
  'v1.PersistentVolumeMode': ['PersistentVolumeSpec.volumeMode', 'PersistentVolumeClaimSpec.volumeMode'],
  'v1.PersistentVolumeReclaimPolicy': ['PersistentVolumeSpec.persistentVolumeReclaimPolicy', 'StorageClass.reclaimPolicy'],
  'v1.PersistentVolumePhase': ['PersistentVolumeStatus.phase'],
  'v1.PersistentVolumeClaimPhase': ['PersistentVolumeClaimStatus.phase'],
  'v1.PersistentVolumeClaimConditionType': ['PersistentVolumeClaimCondition.type'],
  'v1.PersistentVolumeClaimModifyVolumeStatus': ['ModifyVolumeStatus.status'],
  'v1.ClaimResourceStatus': ['PersistentVolumeClaimStatus.allocatedResourceStatuses'],
  'v1.ServiceType': ['ServiceSpec.type'],
  'v1.ServiceAffinity': ['ServiceSpec.sessionAffinity'],
  'v1.ServiceExternalTrafficPolicy': ['ServiceSpec.externalTrafficPolicy'],
  'v1.ServiceInternalTrafficPolicy': ['ServiceSpec.internalTrafficPolicy'],
  'v1.IPFamily': ['ServiceSpec.ipFamilies'],
  'v1.IPFamilyPolicy': ['ServiceSpec.ipFamilyPolicy'],
  'v1.LoadBalancerIPMode': ['LoadBalancerIngress.ipMode'],
  'v1.FinalizerName': ['NamespaceSpec.finalizers'],
  'v1.NamespacePhase': ['NamespaceStatus.phase'],
  'v1.NamespaceConditionType': ['NamespaceCondition.type'],
  'v1.NodePhase': ['NodeStatus.phase'],
  'v1.NodeConditionType': ['NodeCondition.type'],
  'v1.NodeAddressType': ['NodeAddress.type'],
  'v1.UniqueVolumeName': ['NodeStatus.volumesInUse', 'AttachedVolume.name'],
  'v1.PodPhase': ['PodStatus.phase'],
  'v1.PodConditionType': ['PodCondition.type', 'PodFailurePolicyOnPodConditionsPattern.type'],
  'v1.PodQOSClass': ['PodStatus.qosClass'],
  'v1.PodResizeStatus': ['PodStatus.resize'],
  'v1.ConditionStatus': ['PodCondition.status', 'NodeCondition.status', 'NamespaceCondition.status',
    'PersistentVolumeClaimCondition.status', 'DeploymentCondition.status', 'ReplicaSetCondition.status',
    'StatefulSetCondition.status', 'DaemonSetCondition.status', 'JobCondition.status',
    'HorizontalPodAutoscalerCondition.status', 'PodFailurePolicyOnPodConditionsPattern.status', 'Condition.status'],
  'v1.SecretType': ['Secret.type'],
  'v1.LimitType': ['LimitRangeItem.type'],
  'v1.ResourceQuotaScope': ['ResourceQuotaSpec.scopes', 'ScopedResourceSelectorRequirement.scopeName'],
  'v1.ScopeSelectorOperator': ['ScopedResourceSelectorRequirement.operator'],
  'v1.DeploymentStrategyType': ['DeploymentStrategy.type'],
  'v1.DeploymentConditionType': ['DeploymentCondition.type'],
  'v1.ReplicaSetConditionType': ['ReplicaSetCondition.type'],
  'v1.PodManagementPolicyType': ['StatefulSetSpec.podManagementPolicy'],
  'v1.StatefulSetUpdateStrategyType': ['StatefulSetUpdateStrategy.type'],
  'v1.StatefulSetConditionType': ['StatefulSetCondition.type'],
  'v1.PersistentVolumeClaimRetentionPolicyType': ['StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted',
    'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled'],
  'v1.DaemonSetUpdateStrategyType': ['DaemonSetUpdateStrategy.type'],
  'v1.DaemonSetConditionType': ['DaemonSetCondition.type'],
  'v1.CompletionMode': ['JobSpec.completionMode'],
  'v1.PodReplacementPolicy': ['JobSpec.podReplacementPolicy'],
  'v1.JobConditionType': ['JobCondition.type'],
  'v1.PodFailurePolicyAction': ['PodFailurePolicyRule.action'],
  'v1.PodFailurePolicyOnExitCodesOperator': ['PodFailurePolicyOnExitCodesRequirement.operator'],
  'v1.ConcurrencyPolicy': ['CronJobSpec.concurrencyPolicy'],
  'v1.PathType': ['HTTPIngressPath.pathType'],
  'v1.PolicyType': ['NetworkPolicySpec.policyTypes'],
  'v1.VolumeBindingMode': ['StorageClass.volumeBindingMode'],
  'v2.MetricSourceType': ['MetricSpec.type', 'MetricStatus.type'],
  'v2.MetricTargetType': ['MetricTarget.type'],
  'v2.ScalingPolicySelect': ['HPAScalingRules.selectPolicy'],
  'v2.HPAScalingPolicyType': ['HPAScalingPolicy.type'],
  'v2.HorizontalPodAutoscalerConditionType': ['HorizontalPodAutoscalerCondition.type'],
  'v1.UnhealthyPodEvictionPolicyType': ['PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy'],
  'v1.AddressType': ['EndpointSlice.addressType'],
  'v1.CoordinatedLeaseStrategy': ['LeaseSpec.strategy'],
  'v1.ManagedFieldsOperationType': ['ManagedFieldsEntry.operation'],
};

/** Maps whose Go key type is a named type (every Quantity-valued map is v1.ResourceList, handled by rule). */
const NAMED_MAP_KEYS: Record<string, string> = {
  'PersistentVolumeClaimStatus.allocatedResourceStatuses': 'v1.ResourceName',
};

/** map[string][]byte fields: JSON strings holding base64. */
const BYTES_MAP_FIELDS = new Set(['Secret.data', 'ConfigMap.binaryData']);

/**
 * Declarations kubernetes-types lacks, by module, in its own syntax, merged with the module's: the API
 * fields of Kubernetes 1.31–1.32 (kubesim serves v1.32; the package is 1.30). Docs from k8s.io/api.
 */
const EXTRA_DECLARATIONS: Record<string, string> = {
  'core/v1': `
    export interface PodSpec {
      /** Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported. */
      resources?: ResourceRequirements;
    }
    export interface PodSecurityContext {
      /** seLinuxChangePolicy defines how the container's SELinux label is applied to all volumes used by the Pod. Valid values are "MountOption" and "Recursive". */
      seLinuxChangePolicy?: string;
      /** Defines how supplemental groups of the first container processes are calculated. Valid values are "Merge" and "Strict". If not specified, "Merge" is used. */
      supplementalGroupsPolicy?: string;
    }
    export interface PodResourceClaim {
      /** ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod. Exactly one of ResourceClaimName and ResourceClaimTemplateName must be set. */
      resourceClaimName?: string;
      /** ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod. */
      resourceClaimTemplateName?: string;
    }
    export interface ResourceClaim {
      /** Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request. */
      request?: string;
    }
    export interface Volume {
      /** image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. */
      image?: ImageVolumeSource;
    }
    /** ImageVolumeSource represents a image volume resource. */
    export interface ImageVolumeSource {
      /** Policy for pulling OCI objects: Always, Never or IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. */
      pullPolicy?: string;
      /** Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. */
      reference?: string;
    }
    export interface ContainerStatus {
      /** AllocatedResourcesStatus represents the status of various resources allocated for this Pod. */
      allocatedResourcesStatus?: Array<ResourceStatus>;
      /** User represents user identity information initially attached to the first process of the container */
      user?: ContainerUser;
    }
    /** ResourceStatus represents the status of a single resource allocated to a Pod. */
    export interface ResourceStatus {
      /** Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. */
      name: string;
      /** List of unique resources health. */
      resources?: Array<ResourceHealth>;
    }
    /** ResourceHealth represents the health of a resource. */
    export interface ResourceHealth {
      /** Health of the resource: Healthy, Unhealthy or Unknown. */
      health?: string;
      /** ResourceID is the unique identifier of the resource. */
      resourceID: string;
    }
    /** ContainerUser represents user identity information */
    export interface ContainerUser {
      /** Linux holds user identity information initially attached to the first process of the containers in Linux. */
      linux?: LinuxContainerUser;
    }
    /** LinuxContainerUser represents user identity information in Linux containers */
    export interface LinuxContainerUser {
      /** GID is the primary gid initially attached to the first process in the container */
      gid: number;
      /** SupplementalGroups are the supplemental groups initially attached to the first process in the container */
      supplementalGroups?: Array<number>;
      /** UID is the primary uid initially attached to the first process in the container */
      uid: number;
    }
    export interface NodeStatus {
      /** Features describes the set of features implemented by the CRI implementation. */
      features?: NodeFeatures;
    }
    /** NodeFeatures describes the set of features implemented by the CRI implementation. */
    export interface NodeFeatures {
      /** SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser. */
      supplementalGroupsPolicy?: boolean;
    }
    export interface NodeRuntimeHandlerFeatures {
      /** UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes. */
      userNamespaces?: boolean;
    }`,
  'coordination/v1': `
    export interface LeaseSpec {
      /** PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set. */
      preferredHolder?: string;
      /** Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. */
      strategy?: string;
    }`,
};

/** Fields kubernetes-types 1.30 has that v1.32 removed (DRA's ClaimSource was inlined in 1.31). */
const V132_REMOVED_FIELDS = new Set(['PodResourceClaim.source']);

// ---------------------------------------------------------------------------------------------
// Reading the declarations

/** The shape of one property, as the declarations describe it. */
type Shape =
  | { kind: 'string' | 'integer' | 'boolean' | 'intOrString' | 'quantity' | 'time' | 'any' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'ref'; id: string }
  | { kind: 'array' | 'map'; items: Shape };

interface Property {
  name: string;
  description: string;
  shape: Shape;
  required: boolean;
}

interface TypeDecl {
  /** "apps.v1.DeploymentSpec": the module path dotted, then the type name (unique across groups). */
  id: string;
  /** Go package name as Go prints it in type names: "v1", "v2". */
  goPackage: string;
  name: string;
  description: string;
  properties: Property[];
}

/** Aliases that are Kubernetes scalar types with their own JSON (un)marshalling. */
const SCALAR_ALIASES: Record<string, Shape> = { Quantity: { kind: 'quantity' }, Time: { kind: 'time' }, MicroTime: { kind: 'time' } };

class DeclarationReader {
  private readonly files = new Map<string, ts.SourceFile[]>();
  readonly types = new Map<string, TypeDecl>();

  constructor(private readonly root: string) {}

  /** Reads a type and everything it reaches; returns its id. */
  read(module: string, name: string): string {
    const id = `${module.replace('/', '.')}.${name}`;
    if (this.types.has(id)) return id;
    const declarations = this.declarations(module, name).filter(ts.isInterfaceDeclaration);
    if (!declarations.length) throw new Error(`${id} is not an interface`);
    const decl: TypeDecl = {
      id, name, goPackage: module.split('/').pop() ?? module, description: docOf(declarations[0]), properties: [],
    };
    this.types.set(id, decl);
    for (const member of declarations.flatMap((d) => [...d.members])) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      if (V132_REMOVED_FIELDS.has(`${name}.${member.name.getText()}`)) continue;
      decl.properties.push({
        name: member.name.getText(),
        description: docOf(member),
        shape: this.shape(module, member.type),
        required: !member.questionToken,
      });
    }
    return id;
  }

  private shape(module: string, node: ts.TypeNode): Shape {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { kind: 'string' };
      // kubernetes-types types every integer and float as `number`; the API has no float fields in these kinds.
      case ts.SyntaxKind.NumberKeyword: return { kind: 'integer' };
      case ts.SyntaxKind.BooleanKeyword: return { kind: 'boolean' };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { kind: 'enum', values: [node.literal.text] };
    if (ts.isUnionTypeNode(node) && node.getText() === 'number | string') return { kind: 'intOrString' };
    if (ts.isTypeLiteralNode(node)) return this.mapShape(module, node);
    if (ts.isTypeReferenceNode(node)) return this.referenceShape(module, node);
    throw new Error(`unsupported type "${node.getText()}" in ${module}`);
  }

  private mapShape(module: string, node: ts.TypeLiteralNode): Shape {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (!index || node.members.length !== 1) throw new Error(`unsupported type literal "${node.getText()}"`);
    return { kind: 'map', items: this.shape(module, index.type) };
  }

  private referenceShape(module: string, node: ts.TypeReferenceNode): Shape {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) {
      return { kind: 'array', items: this.shape(module, node.typeArguments[0]) };
    }
    const scalar = SCALAR_ALIASES[name];
    if (scalar) return scalar;
    const target = this.moduleOf(module, name);
    const [declaration] = this.declarations(target, name);
    // Types with custom JSON and no fields (FieldsV1, RawExtension) hold any JSON.
    if (ts.isInterfaceDeclaration(declaration) && declaration.members.length === 0) return { kind: 'any' };
    return { kind: 'ref', id: this.read(target, name) };
  }

  /** The module a name used in `module` comes from: itself, or the module it imports the name from. */
  private moduleOf(module: string, name: string): string {
    for (const statement of this.sources(module).flatMap((file) => [...file.statements])) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const names = statement.importClause?.namedBindings;
      if (names && ts.isNamedImports(names) && names.elements.some((e) => e.name.text === name)) {
        return join(module, '..', statement.moduleSpecifier.text).replaceAll('\\', '/');
      }
    }
    return module;
  }

  /** The declarations of `name` in a module: kubernetes-types' own, then the extra ones. */
  private declarations(module: string, name: string): (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[] {
    const found = this.sources(module).flatMap((file) => [...file.statements]).filter(
      (s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
        (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name,
    );
    if (!found.length) throw new Error(`${name} not found in module ${module}`);
    return found;
  }

  /** A module's source files: the kubernetes-types file if the package has one, the extra declarations if any. */
  private sources(module: string): ts.SourceFile[] {
    let files = this.files.get(module);
    if (!files) {
      const path = join(this.root, `${module}.d.ts`);
      const texts = [existsSync(path) ? readFileSync(path, 'utf8') : undefined, EXTRA_DECLARATIONS[module]];
      files = texts.filter((text) => text !== undefined).map((text) => ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
      this.files.set(module, files);
    }
    return files;
  }
}

/** The first paragraph of a node's JSDoc. */
function docOf(node: ts.Node): string {
  const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = ts.getTextOfJSDocComment(doc?.comment) ?? '';
  return text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
}

/** "apps/v1" → kubernetes-types module "apps/v1"; "v1" → "core/v1"; "networking.k8s.io/v1" → "networking/v1". */
function moduleOfApiVersion(apiVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  return `${group.split('.')[0]}/${version}`;
}

// ---------------------------------------------------------------------------------------------
// The structure file: what the simulated apiserver's decoder needs

function structureField(types: Map<string, TypeDecl>, owner: TypeDecl, property: Property): StructureField {
  const key = `${owner.name}.${property.name}`;
  const named = namedStringType(key);
  const build = (shape: Shape): StructureField => {
    switch (shape.kind) {
      case 'string': return { type: 'string', goType: named ?? 'string' };
      case 'enum': return { type: 'string', goType: 'string' };
      case 'integer': return { type: 'integer', goType: intGoType(key) };
      case 'boolean': return { type: 'boolean', goType: 'bool' };
      case 'intOrString': return { type: 'intOrString', goType: 'intstr.IntOrString' };
      case 'quantity': return { type: 'quantity', goType: 'resource.Quantity' };
      case 'time': return { type: 'time', goType: 'v1.Time' };
      case 'any': return { type: 'any', goType: 'any' };
      case 'ref': {
        const target = types.get(shape.id);
        if (!target) throw new Error(`unknown type ${shape.id}`);
        return { type: 'object', ref: shape.id, goType: `${target.goPackage}.${target.name}` };
      }
      case 'array': {
        const items = build(shape.items);
        return { type: 'array', goType: `[]${items.goType}`, items };
      }
      case 'map': {
        const items: StructureField = BYTES_MAP_FIELDS.has(key) ? { type: 'bytes', goType: '[]uint8' } : build(shape.items);
        return { type: 'map', goType: mapGoType(key, items), items };
      }
    }
  };
  return build(property.shape);
}

function intGoType(key: string): 'int32' | 'int64' {
  return INT64_FIELDS.has(key) ? 'int64' : 'int32';
}

function namedStringType(key: string): string | undefined {
  return Object.keys(NAMED_STRING_TYPES).find((goType) => NAMED_STRING_TYPES[goType].includes(key));
}

function mapGoType(key: string, values: StructureField): string {
  if (values.type === 'quantity') return 'v1.ResourceList';
  return `map[${NAMED_MAP_KEYS[key] ?? 'string'}]${values.goType}`;
}

/** Every Go fact names a real field, so a typo or a field that moved cannot go unnoticed. */
function checkGoFacts(types: Map<string, TypeDecl>): void {
  const fields = new Set([...types.values()].flatMap((t) => t.properties.map((p) => `${t.name}.${p.name}`)));
  const facts = [...INT64_FIELDS, ...Object.values(NAMED_STRING_TYPES).flat(), ...Object.keys(NAMED_MAP_KEYS), ...BYTES_MAP_FIELDS];
  const unknown = facts.filter((f) => !fields.has(f));
  if (unknown.length) throw new Error(`Go facts name fields that do not exist: ${unknown.join(', ')}`);
}

function buildStructure(types: Map<string, TypeDecl>, kinds: Map<string, string>): Structure {
  checkGoFacts(types);
  const structure: Structure = { kinds: Object.fromEntries(kinds), types: {} };
  for (const decl of types.values()) {
    const properties = Object.fromEntries(decl.properties.map((p) => [p.name, structureField(types, decl, p)]));
    const required = decl.properties.filter((p) => p.required).map((p) => p.name);
    structure.types[decl.id] = required.length ? { properties, required } : { properties };
  }
  return structure;
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema: what the editor needs

type JsonSchema = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Shared definitions for the scalar types with custom JSON. */
const SCALAR_DEFINITIONS: Record<string, JsonSchema> = {
  'intstr.IntOrString': {
    description: 'IntOrString holds an integer or a string (a port number or name, a count or a percentage like "25%").',
    type: ['integer', 'string', 'null'], format: 'int-or-string',
  },
  'resource.Quantity': {
    description: 'Quantity is a fixed-point number with an optional suffix: "500m" (0.5), "128Mi", "1Gi", "2".',
    type: ['string', 'number', 'null'], pattern: '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$',
  },
  'meta.v1.Time': {
    description: 'Time is an RFC 3339 date and time in UTC, e.g. "2024-01-02T15:04:05Z".',
    type: ['string', 'null'], format: 'date-time',
  },
};

/**
 * A property's schema. Every value may also be null: Go's decoder accepts null anywhere (generated
 * manifests carry `creationTimestamp: null`), so the editor must not flag it.
 */
function propertySchema(shape: Shape, key: string): JsonSchema {
  switch (shape.kind) {
    case 'intOrString': return { $ref: '#/definitions/intstr.IntOrString' };
    case 'quantity': return { $ref: '#/definitions/resource.Quantity' };
    case 'time': return { $ref: '#/definitions/meta.v1.Time' };
    case 'any': return {};
    case 'string': return { type: ['string', 'null'] };
    case 'integer': return { type: ['integer', 'null'], format: intGoType(key) };
    case 'boolean': return { type: ['boolean', 'null'] };
    case 'enum': return { type: 'string', enum: shape.values };
    case 'ref': return { $ref: `#/definitions/${shape.id}` };
    case 'array': return { type: ['array', 'null'], items: propertySchema(shape.items, key) };
    case 'map': return { type: ['object', 'null'], additionalProperties: propertySchema(shape.items, key) };
  }
}

function definition(decl: TypeDecl, topLevel: boolean): JsonSchema {
  const properties: JsonSchema = {};
  for (const p of decl.properties) {
    const schema = propertySchema(p.shape, `${decl.name}.${p.name}`);
    properties[p.name] = p.description ? { ...schema, description: p.description } : schema;
  }
  const required = decl.properties.filter((p) => p.required).map((p) => p.name);
  return {
    description: decl.description,
    // A top-level object is never null.
    type: topLevel ? 'object' : ['object', 'null'],
    properties,
    // A fixed property list: unknown fields are errors, as the apiserver's strict decoding makes them.
    additionalProperties: false,
    ...(required.length ? { required } : {}),
  };
}

/**
 * The root: apiVersion and kind complete from all kinds, and the kind's schema applies when `kind`
 * (and, for a kind served in several versions, `apiVersion`) names it (its apiVersion enum then flags a wrong group or version). The condition is written
 * not-not, "kind is not other than K", because yaml-language-server offers completions from `if`
 * schemas: a plain `properties.kind.const` would propose `kind` once per kind.
 */
function rootSchema(kinds: Map<string, string>): JsonSchema {
  const entries = [...kinds].map(([key, id]) => ({ apiVersion: key.split(' ')[0], kind: key.split(' ')[1], id }));
  const names = [...new Set(entries.map((e) => e.kind))];
  const versions = (kind: string) => entries.filter((e) => e.kind === kind).length;
  const is = (field: string, value: string) => ({ not: { properties: { [field]: { not: { const: value } } } } });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    description: 'A Kubernetes v1.32 object, as kubesim serves it.',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(entries.map((e) => e.apiVersion))].sort() },
      kind: { type: 'string', enum: [...names].sort() },
    },
    // A kind served in several versions (autoscaling/v1 and v2 HPAs) is selected by both fields.
    allOf: entries.map((e) => ({
      if: versions(e.kind) > 1 ? { allOf: [is('kind', e.kind), is('apiVersion', e.apiVersion)] } : is('kind', e.kind),
      then: { $ref: `#/definitions/${e.id}` },
    })),
  };
}

function buildSchema(types: Map<string, TypeDecl>, kinds: Map<string, string>): JsonSchema {
  const definitions: JsonSchema = { ...SCALAR_DEFINITIONS };
  const topLevel = new Set(kinds.values());
  for (const decl of types.values()) definitions[decl.id] = definition(decl, topLevel.has(decl.id));
  return { ...rootSchema(kinds), definitions };
}

// ---------------------------------------------------------------------------------------------
// Output

/** JSON with sorted keys: the first `depth` levels one entry per line, deeper levels on one line. */
function stableJson(value: unknown, depth: number, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent} `;
  const entries = Array.isArray(value)
    ? value.map((v) => stableJson(v, depth - 1, inner))
    : Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k], depth - 1, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (depth <= 0 || !entries.length) return `${open}${entries.join(',')}${close}`;
  return `${open}\n${entries.map((e) => `${inner}${e}`).join(',\n')}\n${indent}${close}`;
}

export interface GeneratedSchemas {
  schema: string;
  structure: string;
}

/** Reads kubernetes-types and returns both files' text. */
export function generateSchemas(): GeneratedSchemas {
  const root = dirname(createRequire(import.meta.url).resolve('kubernetes-types/package.json'));
  const reader = new DeclarationReader(root);
  const kinds = new Map<string, string>();
  for (const [apiVersion, names] of Object.entries(KINDS)) {
    for (const kind of names) kinds.set(`${apiVersion} ${kind}`, reader.read(moduleOfApiVersion(apiVersion), kind));
  }
  return {
    schema: `${stableJson(buildSchema(reader.types, kinds), 4)}\n`,
    structure: `${stableJson(buildStructure(reader.types, kinds), 2)}\n`,
  };
}

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'schema');

function main(): void {
  const { schema, structure } = generateSchemas();
  mkdirSync(SCHEMA_DIR, { recursive: true });
  writeFileSync(join(SCHEMA_DIR, 'kubernetes.schema.json'), schema);
  writeFileSync(join(SCHEMA_DIR, 'kubernetes.structure.json'), structure);
  console.log(`kubernetes.schema.json ${schema.length} bytes, kubernetes.structure.json ${structure.length} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
