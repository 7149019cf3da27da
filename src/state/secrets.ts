/**
 * A Secret's values as the API holds them (base64 in `data`) and as a person reads them, and the
 * masked copy the inspector shows until the user asks to reveal them.
 */
import type { Secret } from 'kubernetes-types/core/v1';

export const MASK = '••••••••';

/** Decodes a `data` value to text (UTF-8); undefined when it is not valid base64 or not text. */
export function decodeSecretValue(value: string): string | undefined {
  try {
    const binary = atob(value);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The number of bytes a base64 value decodes to, as `kubectl describe secret` lists them. */
export function decodedLength(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const mask = (values: Record<string, string> | undefined) => values && Object.fromEntries(Object.keys(values).map((key) => [key, MASK]));

function maskValues(secret: Secret): Secret {
  const masked: Secret = { ...secret };
  if (secret.data) masked.data = mask(secret.data);
  if (secret.stringData) masked.stringData = mask(secret.stringData);
  return masked;
}

/**
 * The Secret with every value of `data` and `stringData` replaced by a mask, keys kept; also inside
 * the copy `kubectl apply` keeps in its last-applied annotation, which holds the values too.
 */
export function maskedSecret(secret: Secret): Secret {
  const masked = maskValues(secret);
  const lastApplied = secret.metadata?.annotations?.[LAST_APPLIED];
  if (lastApplied === undefined) return masked;
  let copy: string;
  try {
    copy = JSON.stringify(maskValues(JSON.parse(lastApplied) as Secret));
  } catch {
    copy = MASK;
  }
  return { ...masked, metadata: { ...secret.metadata, annotations: { ...secret.metadata?.annotations, [LAST_APPLIED]: copy } } };
}
