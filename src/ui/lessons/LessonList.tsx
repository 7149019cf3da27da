import { currentLanguage, useTranslation } from '../../i18n';
import { LESSONS } from '../../scenarios';
import { isComplete, progressOf, useLessons } from '../../state/lessons';

/** Every lesson in the seed notes' order, each with its progress in words and a ✓ once complete. */
export function LessonList() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);
  const progress = useLessons((s) => s.progress);
  const select = useLessons((s) => s.select);

  return (
    <ol aria-label={t('lessons.list')} className="flex flex-col gap-1 p-2">
      {LESSONS.map((lesson, index) => {
        const p = progressOf(progress, lesson.id);
        const complete = isComplete(lesson, p);
        const done = lesson.steps.filter((s) => p.done.includes(s.id)).length;
        return (
          <li key={lesson.id}>
            <button
              type="button"
              onClick={() => select(lesson.id)}
              data-lesson-id={lesson.id}
              className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left outline-none hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              <span
                aria-hidden="true"
                className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ${
                  complete ? 'bg-emerald-500/20 text-emerald-300' : 'bg-slate-800 text-slate-400'
                }`}
              >
                {complete ? '✓' : index + 1}
              </span>
              <span className="flex min-w-0 flex-col">
                <span className="text-sm font-medium text-slate-100">{lesson.title[language]}</span>
                <span className={`text-[11px] ${complete ? 'text-emerald-300' : 'text-slate-400'}`}>
                  {complete ? `✓ ${t('lessons.complete')}` : t('lessons.progress', { done, total: lesson.steps.length })}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
