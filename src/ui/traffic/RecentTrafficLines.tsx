import { useTraffic, versionSplit } from '../../state/traffic';
import { ActivityIcon, XCircleIcon } from '../icons';
import { versionColour } from './version-colour';

/** A colour swatch beside its version tag: the colour the request dots of that version have. */
export function VersionSwatch({ image }: { image: string }) {
  const index = useTraffic((s) => s.versions.get(image));
  return <span aria-hidden="true" className="inline-block size-2 shrink-0 rounded-full" style={{ background: versionColour(index) }} />;
}

/**
 * The last seconds of traffic through a Service or an Ingress, in up to three short lines: answers
 * per second, the split of those answers by version, and failures in red with what failed
 * ("connection refused"). A line with nothing to say is left out.
 */
export function RecentTrafficLines({ objectKey }: { objectKey: string }) {
  const recent = useTraffic((s) => (objectKey.startsWith('Ingress/') ? s.ingresses : s.services).get(objectKey));
  const versions = useTraffic((s) => s.versions);
  if (!recent) return <div className="text-[11px] leading-4 text-slate-400">No traffic</div>;

  const split = versionSplit(recent.byVersion, versions);
  const failing = recent.failedRps > 0;
  return (
    <>
      {(recent.rps > 0 || !failing) && (
        <div className="flex items-center gap-1 text-[11px] leading-4 text-slate-200" aria-label="Traffic now">
          <ActivityIcon className="size-3.5 shrink-0 text-sky-300" />
          <span className="font-mono font-semibold">{recent.rps} req/s</span>
          <span className="text-slate-400">answered</span>
        </div>
      )}
      {split.length > 0 && (
        <div className="flex min-w-0 items-center gap-1 overflow-hidden font-mono text-[10px] leading-4 text-slate-300" aria-label="Split by version" title="Answers of the last 3 s by image version">
          {split.map((s, i) => (
            <span key={s.image} className="flex shrink-0 items-center gap-1">
              {i > 0 && <span className="text-slate-400">·</span>}
              <VersionSwatch image={s.image} />
              {s.label} {s.percent}%
            </span>
          ))}
        </div>
      )}
      {failing && (
        <div className="flex min-w-0 items-center gap-1 text-[11px] leading-4 font-semibold text-rose-300">
          <XCircleIcon className="size-3.5 shrink-0" />
          <span className="truncate" title={`${recent.failedRps} requests/s failed: ${recent.failure}`}>
            {recent.failedRps}/s {recent.failure === 'connection refused' ? 'connection refused' : `failed: ${recent.failure}`}
          </span>
        </div>
      )}
    </>
  );
}
