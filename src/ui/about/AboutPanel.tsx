import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n';
import { XIcon } from '../icons';
import { useAbout } from './about-store';
import { APP_SIMPLIFICATIONS, SIMPLIFICATIONS, type SimplificationGroup } from './simplifications';

/** The headings of docs/SIMPLIFICATIONS.md's sections (and the app's own), by their English words. */
const GROUP_KEYS = {
  Timing: 'about.groups.timing',
  'Control plane': 'about.groups.controlPlane',
  'Networking and metrics': 'about.groups.networking',
  kubectl: 'about.groups.kubectl',
  'Pods, volumes and exec': 'about.groups.pods',
  'In this app': 'about.groups.app',
} as const;

function Group({ group, focus }: { group: SimplificationGroup; focus?: string }) {
  const { t } = useTranslation();
  const key = GROUP_KEYS[group.heading as keyof typeof GROUP_KEYS] as (typeof GROUP_KEYS)[keyof typeof GROUP_KEYS] | undefined;
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{key ? t(key) : group.heading}</h3>
      <ul className="flex flex-col gap-2.5">
        {group.items.map((item) => (
          <li
            key={item.id}
            id={`simplification-${item.id}`}
            className={`rounded-md px-2 py-1 text-sm ${item.id === focus ? 'bg-sky-500/10 ring-1 ring-sky-400/60' : ''}`}
          >
            <p className="font-semibold text-slate-100">{item.title}</p>
            <p className="text-slate-300">{item.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What kubesim simplifies, as a modal dialog: the same list as docs/SIMPLIFICATIONS.md, so nobody
 * learns a simplification as Kubernetes behaviour.
 */
export function AboutPanel() {
  const { t } = useTranslation();
  const open = useAbout((s) => s.open);
  const focus = useAbout((s) => s.focus);
  const close = useAbout((s) => s.close);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
    if (open && focus) element.querySelector(`#simplification-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [open, focus]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="about-title"
      onClose={close}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) close();
      }}
      className="m-auto max-h-[85vh] w-[min(44rem,92vw)] overflow-hidden rounded-xl border border-slate-700 bg-slate-900 p-0 text-slate-200 shadow-2xl shadow-black/60 backdrop:bg-slate-950/70"
    >
      <div className="flex max-h-[85vh] flex-col">
        <header className="flex items-start gap-3 border-b border-slate-800 px-5 py-4">
          <div className="flex-1">
            <h2 id="about-title" className="text-base font-semibold text-slate-100">
              {t('about.title')}
            </h2>
            <p className="mt-1 text-sm text-slate-400">{t('about.intro')}</p>
          </div>
          <button
            type="button"
            aria-label={t('about.close')}
            onClick={close}
            className="rounded p-1 text-slate-400 outline-none hover:bg-slate-800 hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            <XIcon className="size-4" />
          </button>
        </header>
        <div className="flex flex-col gap-5 overflow-y-auto px-5 py-4">
          {SIMPLIFICATIONS.map((group) => (
            <Group key={group.heading} group={group} focus={focus} />
          ))}
          <Group group={APP_SIMPLIFICATIONS} focus={focus} />
        </div>
      </div>
    </dialog>
  );
}
