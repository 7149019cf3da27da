/** Defaulting and conversion of ConfigMaps and Secrets, run by applyDefaults. */
import type { Secret } from './types';
import { encodeBase64 } from '../util/base64';

/**
 * SetDefaults_Secret gives type Opaque; the v1 → internal conversion folds `stringData` into `data`
 * (base64), overwriting keys both set, so the stored object never has stringData.
 */
export function defaultSecret(secret: Secret): void {
  secret.type ||= 'Opaque';
  if (!secret.stringData) return;
  secret.data ??= {};
  for (const [key, value] of Object.entries(secret.stringData)) secret.data[key] = encodeBase64(value);
  delete secret.stringData;
}
