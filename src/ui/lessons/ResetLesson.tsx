import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useLessons } from '../../state/lessons';

const button =
  'rounded border border-slate-700 px-2 py-1 text-xs text-slate-300 outline-none hover:bg-slate-800 hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400';

/**
 * Clears the lesson's progress, then offers a fresh cluster. There is no "reset" message to the
 * worker: a reload starts a new simulated cluster, so that is what the offer does.
 */
export function ResetLesson({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const reset = useLessons((s) => s.reset);
  const [offered, setOffered] = useState(false);

  if (!offered) {
    return (
      <button
        type="button"
        className={button}
        onClick={() => {
          reset(lessonId);
          setOffered(true);
        }}
      >
        ↺ {t('lessons.reset')}
      </button>
    );
  }
  return (
    <div role="status" className="flex flex-col gap-1.5 rounded-md border border-slate-700 bg-slate-950/60 p-2 text-xs text-slate-300">
      <p>{t('lessons.resetDone')}</p>
      <p className="text-slate-400">{t('lessons.resetClusterHint')}</p>
      <div className="flex gap-1.5">
        <button type="button" className={button} onClick={() => location.reload()}>
          {t('lessons.resetCluster')}
        </button>
        <button type="button" className={button} onClick={() => setOffered(false)}>
          {t('lessons.keepCluster')}
        </button>
      </div>
    </div>
  );
}
