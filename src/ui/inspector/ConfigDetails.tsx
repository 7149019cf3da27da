/**
 * The inspector's rows for ConfigMaps and Secrets, and for a pod what it refers to: its stable DNS
 * name as a StatefulSet pod, and the claims, ConfigMaps and Secrets it uses. A Secret's values stay
 * masked until the user reveals them.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import { useCluster } from '../../state/cluster';
import { objectKey } from '../../state/objects';
import { podReferences } from '../../state/pod-refs';
import { decodedLength, decodeSecretValue, MASK } from '../../state/secrets';
import { statefulPodDnsName } from '../../state/workloads';
import { Field, Gloss, ObjectLink, Section } from './parts';

export function SecretData({ secret, revealed, onReveal }: { secret: Secret; revealed: boolean; onReveal(revealed: boolean): void }) {
  const entries = Object.entries(secret.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section title={`Data (${entries.length})`}>
      <p className="mb-2 text-xs text-slate-400">
        The API stores these values base64-encoded. Base64 is an encoding, not encryption: anyone who can read this Secret can decode them.
        {secret.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined &&
          ' kubectl apply also keeps a copy of them in the last-applied-configuration annotation.'}
      </p>
      {entries.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <dl aria-label="Secret data" className="grid grid-cols-[minmax(0,7rem)_1fr] gap-x-3 gap-y-1.5">
          {entries.map(([key, value]) => {
            const text = decodeSecretValue(value);
            return (
              <Field key={key} label={key}>
                {revealed ? (text ?? `<${decodedLength(value)} bytes of binary data>`) : MASK}
                {revealed && <Gloss>{`base64: ${value}`}</Gloss>}
                {!revealed && <Gloss>{`${decodedLength(value)} bytes`}</Gloss>}
              </Field>
            );
          })}
        </dl>
      )}
      {entries.length > 0 && (
        <button
          type="button"
          aria-pressed={revealed}
          onClick={() => onReveal(!revealed)}
          className="mt-2 rounded-md border border-slate-600 px-2 py-1 text-xs font-semibold text-slate-200 hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
        >
          {revealed ? 'Hide values' : 'Reveal values'}
        </button>
      )}
    </Section>
  );
}

export function SecretFields({ secret }: { secret: Secret }) {
  return (
    <>
      <Field label="Type">{secret.type ?? 'Opaque'}</Field>
      {secret.immutable && <Field label="Immutable">true: its data can no longer change</Field>}
    </>
  );
}

export function ConfigMapData({ configMap }: { configMap: ConfigMap }) {
  const entries = Object.entries(configMap.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const binary = Object.keys(configMap.binaryData ?? {});
  return (
    <Section title={`Data (${entries.length + binary.length})`}>
      {entries.length + binary.length === 0 ? (
        <p className="text-xs text-slate-400">&lt;none&gt;</p>
      ) : (
        <dl aria-label="ConfigMap data" className="flex flex-col gap-1.5">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt className="font-mono text-xs text-slate-400">{key}</dt>
              <dd className="rounded bg-slate-950 px-2 py-1 font-mono text-[11px] whitespace-pre-wrap break-all text-slate-200">{value}</dd>
            </div>
          ))}
          {binary.map((key) => (
            <div key={key}>
              <dt className="font-mono text-xs text-slate-400">{key}</dt>
              <dd className="text-xs text-slate-400">binary data</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}

/** A pod's stable DNS name when it belongs to a StatefulSet with a headless Service. */
export function PodDnsField({ pod }: { pod: Pod }) {
  const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller && ref.kind === 'StatefulSet');
  const namespace = pod.metadata?.namespace;
  const set = useCluster((s) => (owner ? s.objects.get(objectKey('StatefulSet', namespace, owner.name)) : undefined)) as StatefulSet | undefined;
  const serviceName = set?.spec?.serviceName;
  const service = useCluster((s) => (serviceName ? s.objects.get(objectKey('Service', namespace, serviceName)) : undefined)) as Service | undefined;
  const dns = set && statefulPodDnsName(pod, set, service);
  if (!dns) return null;
  return (
    <Field label="DNS name">
      {dns}
      <Gloss>Stable: a replacement pod with the same ordinal gets the same name (and the same claims).</Gloss>
    </Field>
  );
}

/** The claims, ConfigMaps and Secrets a pod uses, each a link, amber when it does not exist. */
export function PodReferencesFields({ pod }: { pod: Pod }) {
  const refs = podReferences(pod);
  const namespace = pod.metadata?.namespace;
  const objects = useCluster((s) => s.objects);
  const rows: [label: string, kind: string, names: string[]][] = [
    ['Claims', 'PersistentVolumeClaim', refs.claims],
    ['ConfigMaps', 'ConfigMap', refs.configMaps],
    ['Secrets', 'Secret', refs.secrets],
  ];
  return (
    <>
      {rows
        .filter(([, , names]) => names.length > 0)
        .map(([label, kind, names]) => (
          <Field key={label} label={label}>
            <ul className="flex flex-col gap-0.5">
              {names.map((name) => {
                const key = objectKey(kind, namespace, name);
                return (
                  <li key={name}>
                    <ObjectLink objectKey={key} name={name} exists={objects.has(key)} missing="does not exist" />
                  </li>
                );
              })}
            </ul>
          </Field>
        ))}
    </>
  );
}
