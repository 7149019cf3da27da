import type { KubeObject } from '../object';
import type { ResourceInfo } from '../kinds';

/** One create or update as admission plugins see it (apiserver admission.Attributes). */
export interface AdmissionRequest {
  operation: 'create' | 'update';
  /** The incoming object: mutating plugins change it in place. */
  obj: KubeObject;
  old?: KubeObject;
  info: ResourceInfo;
  /**
   * The name the apiserver's messages use. Name generation happens after admission in the real
   * apiserver, so a generated name shows as its generateName prefix ("web-66b6c48dd5-").
   */
  displayName: string;
  dryRun: boolean;
}

/**
 * An admission plugin (k8s-semantics §11): `admit` mutates before object validation, `validate`
 * runs after it and may refuse by throwing the apiserver's error (usually Forbidden).
 */
export interface AdmissionPlugin {
  readonly name: string;
  admit?(req: AdmissionRequest): void;
  validate?(req: AdmissionRequest): void;
}
