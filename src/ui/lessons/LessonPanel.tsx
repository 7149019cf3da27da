import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n';
import { LESSONS } from '../../scenarios';
import { useLessons } from '../../state/lessons';
import { XIcon } from '../icons';
import { LessonDetail } from './LessonDetail';
import { LessonList } from './LessonList';

/**
 * The lessons as a sheet over the left pane, above the editor, so the graph stays in view and a
 * loaded manifest is one Apply away. Escape closes it.
 */
export function LessonPanel() {
  const { t } = useTranslation();
  const lessonId = useLessons((s) => s.lessonId);
  const closeSheet = useLessons((s) => s.close);
  // The focus goes back to the top bar's Lessons button rather than to the page.
  const close = () => {
    closeSheet();
    document.getElementById('lessons-toggle')?.focus();
  };
  const lesson = LESSONS.find((l) => l.id === lessonId);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef(lessonId);

  // Opened from the top bar, the panel takes the focus; restored open on a page load, it does not.
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus();
  }, []);

  // The button just pressed goes away with the view it was in: the focus moves to the lesson's
  // title, or back to the lesson just left in the list.
  useEffect(() => {
    if (shown.current === lessonId) return;
    const left = shown.current;
    shown.current = lessonId;
    body.current?.scrollTo({ top: 0 });
    const target = lessonId ? '[data-lesson-title]' : `[data-lesson-id="${left ?? ''}"]`;
    body.current?.querySelector<HTMLElement>(target)?.focus();
  }, [lessonId]);

  return (
    <section
      id="lesson-panel"
      aria-labelledby="lesson-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
      className="flex h-full min-h-0 flex-col bg-slate-900"
    >
      <header className="flex items-center gap-2 border-b border-slate-800 px-3 py-2">
        <h2 id="lesson-panel-title" ref={heading} tabIndex={-1} className="text-sm font-semibold text-slate-200 outline-none">
          {t('lessons.title')}
        </h2>
        <button
          type="button"
          onClick={close}
          aria-label={t('lessons.close')}
          className="ml-auto rounded p-0.5 text-slate-400 outline-none hover:text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          <XIcon className="size-3.5" />
        </button>
      </header>
      <div ref={body} className="min-h-0 flex-1 overflow-y-auto">
        {lesson ? <LessonDetail lesson={lesson} /> : <LessonList />}
      </div>
    </section>
  );
}
