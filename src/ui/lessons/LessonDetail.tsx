import { type RefObject, useEffect, useRef, useState } from 'react';
import { currentLanguage, useTranslation } from '../../i18n';
import type { Lesson, LessonStep } from '../../scenarios/types';
import { isComplete, progressOf, reachableStep, useLessons } from '../../state/lessons';
import { Markdown } from './Markdown';
import { ResetLesson } from './ResetLesson';
import { StepCommands } from './StepCommands';
import { useStepCheck } from './use-step-check';

const secondary =
  'rounded-md border border-slate-700 px-2.5 py-1 text-xs font-medium text-slate-200 outline-none hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:opacity-40';
const primary =
  'rounded-md bg-sky-500 px-2.5 py-1 text-xs font-semibold text-slate-950 outline-none hover:bg-sky-400 focus-visible:ring-2 focus-visible:ring-sky-300 disabled:cursor-not-allowed disabled:bg-slate-700 disabled:text-slate-400';

/** Done (✓ and the word) or not yet, in words as well as colour; announced as it changes. */
function StepStatus({ done, live }: { done: boolean; live: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <p
      role="status"
      className={`flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium ${
        done ? 'bg-emerald-500/15 text-emerald-200' : 'bg-slate-800/70 text-slate-400'
      }`}
    >
      <span aria-hidden="true">{done ? '✓' : live === undefined ? '…' : '○'}</span>
      {done ? t('lessons.stepDone') : live === undefined ? t('lessons.checking') : t('lessons.stepWaiting')}
    </p>
  );
}

interface StepBodyProps {
  lesson: Lesson;
  step: LessonStep;
  index: number;
  done: boolean;
  /** Set when Next or Previous brought the learner here: the new step then takes the focus. */
  takeFocusRef: RefObject<boolean>;
}

function StepBody({ lesson, step, index, done, takeFocusRef }: StepBodyProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);
  const loadManifest = useLessons((s) => s.loadManifest);
  const markDone = useLessons((s) => s.markDone);
  const live = useStepCheck(step);
  const [loaded, setLoaded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (live) markDone(lesson.id, step.id);
  }, [live, markDone, lesson.id, step.id]);

  // Next and Previous take the focus to the new step, so a screen reader reads it next.
  useEffect(() => {
    if (!takeFocusRef.current) return;
    takeFocusRef.current = false;
    heading.current?.focus();
  }, [takeFocusRef]);

  return (
    <div className="flex flex-col gap-3">
      <h4 ref={heading} tabIndex={-1} className="text-xs font-semibold text-slate-400 outline-none">
        {t('lessons.stepOf', { n: index + 1, total: lesson.steps.length })}
      </h4>
      <Markdown source={step.text[language]} className="text-sm leading-relaxed text-slate-200" />
      <StepStatus done={done || live === true} live={live} />
      {step.manifest && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={secondary}
            onClick={() => {
              loadManifest(step.manifest ?? '');
              setLoaded(true);
            }}
          >
            {t('lessons.loadManifest')}
          </button>
          {loaded && <span className="text-[11px] text-slate-400">{t('lessons.manifestLoaded')}</span>}
        </div>
      )}
      <StepCommands commands={step.commands ?? []} />
    </div>
  );
}

/** One lesson: its summary, its steps, the current step with its live check, and the way on. */
export function LessonDetail({ lesson }: { lesson: Lesson }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);
  const progress = useLessons((s) => progressOf(s.progress, lesson.id));
  const goTo = useLessons((s) => s.goTo);
  const select = useLessons((s) => s.select);

  const index = Math.min(progress.step, lesson.steps.length - 1);
  const step = lesson.steps[index];
  const reachable = reachableStep(lesson, progress);
  const done = progress.done.includes(step.id);
  const last = index === lesson.steps.length - 1;
  const moved = useRef(false);
  const move = (to: number) => {
    moved.current = true;
    goTo(lesson, to);
  };

  return (
    <div className="flex flex-col gap-3 p-3">
      <button
        type="button"
        onClick={() => select(undefined)}
        className="self-start rounded px-1 text-xs text-sky-300 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        ← {t('lessons.back')}
      </button>
      <div>
        <h3 data-lesson-title tabIndex={-1} className="text-base font-semibold text-slate-100 outline-none">
          {lesson.title[language]}
        </h3>
        <Markdown source={lesson.summary[language]} className="mt-1 text-xs leading-relaxed text-slate-400" />
      </div>
      <nav aria-label={t('lessons.steps')}>
        <ol className="flex flex-wrap gap-1.5">
          {lesson.steps.map((s, i) => {
            const stepDone = progress.done.includes(s.id);
            const label = `${t('lessons.step', { n: i + 1 })}${stepDone ? `, ${t('lessons.stepDone')}` : ''}`;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  aria-label={label}
                  aria-current={i === index ? 'step' : undefined}
                  disabled={i > reachable}
                  onClick={() => goTo(lesson, i)}
                  className={`flex h-6 min-w-8 items-center justify-center gap-0.5 rounded-full border px-2 text-[11px] font-semibold outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:opacity-40 ${
                    i === index ? 'border-sky-400 text-sky-100' : 'border-slate-700 text-slate-400 hover:bg-slate-800'
                  } ${stepDone ? 'bg-emerald-500/15' : ''}`}
                >
                  {i + 1}
                  {stepDone && <span aria-hidden="true">✓</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <section aria-label={t('lessons.step', { n: index + 1 })} className="rounded-lg border border-slate-800 bg-slate-900/60 p-3">
        <StepBody key={`${lesson.id}/${step.id}`} lesson={lesson} step={step} index={index} done={done} takeFocusRef={moved} />
      </section>
      <div className="sticky bottom-0 -mx-3 flex items-center gap-2 border-t border-slate-800 bg-slate-900 px-3 py-2">
        <button type="button" className={secondary} disabled={index === 0} onClick={() => move(index - 1)}>
          ← {t('lessons.previous')}
        </button>
        {!last && (
          <button type="button" className={primary} disabled={!done} onClick={() => move(index + 1)}>
            {t('lessons.next')} →
          </button>
        )}
      </div>
      {last && isComplete(lesson, progress) && (
        <p className="text-sm text-emerald-200">
          <span aria-hidden="true">✓ </span>
          {t('lessons.finished')}
        </p>
      )}
      <div className="border-t border-slate-800 pt-3">
        <ResetLesson key={lesson.id} lessonId={lesson.id} />
      </div>
    </div>
  );
}
