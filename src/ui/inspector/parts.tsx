/** The inspector's building blocks: a titled section, a label/value row of a summary list, links and glosses. */
import { useSelection } from '../../state/selection';

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-800 px-4 py-3">
      <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-xs text-slate-400">{label}</dt>
      <dd className="min-w-0 font-mono text-xs break-all text-slate-200">{children}</dd>
    </>
  );
}

/** A reference to another object: a link that selects it when it exists, its name in amber with why when it does not. */
export function ObjectLink({ objectKey, name, exists, missing }: { objectKey: string; name: string; exists: boolean; missing?: string }) {
  const select = useSelection((s) => s.select);
  if (!exists) {
    return (
      <span className="text-amber-300" title={missing}>
        {name}
        {missing && <span className="font-sans break-normal"> ({missing})</span>}
      </span>
    );
  }
  return (
    <button
      type="button"
      onClick={() => select(objectKey)}
      className="rounded text-left break-all text-sky-300 hover:underline focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
    >
      {name}
    </button>
  );
}

/** A plain-language gloss under a field's value. */
export function Gloss({ children }: { children: React.ReactNode }) {
  return <span className="block font-sans break-normal text-slate-400">{children}</span>;
}
