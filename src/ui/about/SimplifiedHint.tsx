import { useAbout } from './about-store';
import { findSimplification } from './simplifications';

/** A small "simplified" tag next to something kubesim does differently; it opens the About panel at that entry. */
export function SimplifiedHint({ id }: { id: string }) {
  const show = useAbout((s) => s.show);
  const item = findSimplification(id);
  if (!item) return null;
  return (
    <button
      type="button"
      aria-label={`Simplified: ${item.title}`}
      title={`${item.title}. ${item.text}`}
      onClick={(event) => {
        event.stopPropagation();
        show(id);
      }}
      className="nodrag nopan rounded border border-dashed border-sky-400/50 px-1 text-[9px] font-semibold leading-[14px] tracking-wide text-sky-200 uppercase outline-none hover:bg-sky-500/10 focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      simplified
    </button>
  );
}
