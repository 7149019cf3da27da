/** The inspector's building blocks: a titled section and a label/value row of a summary list. */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-800 px-4 py-3">
      <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="min-w-0 font-mono text-xs break-all text-slate-200">{children}</dd>
    </>
  );
}
