/**
 * The lesson panel's state: whether it is open, the lesson being followed, and each lesson's
 * progress (the step shown and the steps whose check has passed), kept across reloads in
 * localStorage. A step once done stays done: later steps may undo what it built.
 */
import { create } from 'zustand';
import type { Lesson } from '../scenarios/types';

export interface LessonProgress {
  /** Index of the step shown. */
  step: number;
  /** Ids of the steps whose check has passed. */
  done: readonly string[];
}

export type ProgressMap = Readonly<Record<string, LessonProgress>>;

export interface SavedLessons {
  /** The panel stays open across a reload, so a learner mid-lesson comes back to it. */
  open: boolean;
  lessonId?: string;
  progress: ProgressMap;
}

export const LESSONS_KEY = 'kubesim.lessons';

const NO_PROGRESS: LessonProgress = { step: 0, done: [] };

export function progressOf(progress: ProgressMap, lessonId: string): LessonProgress {
  return progress[lessonId] ?? NO_PROGRESS;
}

export function withStepDone(progress: ProgressMap, lessonId: string, stepId: string): ProgressMap {
  const current = progressOf(progress, lessonId);
  if (current.done.includes(stepId)) return progress;
  return { ...progress, [lessonId]: { ...current, done: [...current.done, stepId] } };
}

/** The furthest step a learner may open: every step up to the first one not done yet. */
export function reachableStep(lesson: Lesson, progress: LessonProgress): number {
  const firstUndone = lesson.steps.findIndex((s) => !progress.done.includes(s.id));
  return firstUndone < 0 ? lesson.steps.length - 1 : firstUndone;
}

export function withStep(progress: ProgressMap, lesson: Lesson, step: number): ProgressMap {
  const current = progressOf(progress, lesson.id);
  const clamped = Math.max(0, Math.min(step, reachableStep(lesson, current)));
  return clamped === current.step ? progress : { ...progress, [lesson.id]: { ...current, step: clamped } };
}

export function withoutLesson(progress: ProgressMap, lessonId: string): ProgressMap {
  if (!(lessonId in progress)) return progress;
  const { [lessonId]: _removed, ...rest } = progress;
  return rest;
}

export function isComplete(lesson: Lesson, progress: LessonProgress): boolean {
  return lesson.steps.every((s) => progress.done.includes(s.id));
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** What was saved, keeping only well-formed entries: a hand-edited or older value must not break the panel. */
export function loadLessons(storage: Storage | undefined): SavedLessons {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(LESSONS_KEY) ?? '{}');
  } catch {
    return { open: false, progress: {} };
  }
  if (typeof parsed !== 'object' || parsed === null) return { open: false, progress: {} };
  const saved = parsed as { open?: unknown; lessonId?: unknown; progress?: unknown };
  const progress: Record<string, LessonProgress> = {};
  if (typeof saved.progress === 'object' && saved.progress !== null) {
    for (const [id, value] of Object.entries(saved.progress)) {
      const { step, done } = (value ?? {}) as { step?: unknown; done?: unknown };
      if (!Number.isInteger(step) || (step as number) < 0 || !Array.isArray(done)) continue;
      progress[id] = { step: step as number, done: done.filter((d): d is string => typeof d === 'string') };
    }
  }
  return { open: saved.open === true, lessonId: typeof saved.lessonId === 'string' ? saved.lessonId : undefined, progress };
}

export function saveLessons(storage: Storage | undefined, saved: SavedLessons): void {
  try {
    storage?.setItem(LESSONS_KEY, JSON.stringify(saved));
  } catch {
    // A full or disabled storage only costs the progress on the next visit.
  }
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export interface ManifestRequest {
  /** Each request has its own number, so loading the same manifest twice loads it twice. */
  id: number;
  yaml: string;
}

export interface LessonsState extends SavedLessons {
  /** A manifest "Load manifest" asks the editor to show. */
  manifestRequest?: ManifestRequest;
  toggle(): void;
  close(): void;
  /** Opens a lesson, or the list when undefined. */
  select(lessonId: string | undefined): void;
  goTo(lesson: Lesson, step: number): void;
  markDone(lessonId: string, stepId: string): void;
  reset(lessonId: string): void;
  loadManifest(yaml: string): void;
}

let nextRequest = 1;

export const useLessons = create<LessonsState>((set) => ({
  ...loadLessons(storage()),
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
  select: (lessonId) => set({ lessonId }),
  goTo: (lesson, step) => set((s) => ({ progress: withStep(s.progress, lesson, step) })),
  markDone: (lessonId, stepId) => set((s) => ({ progress: withStepDone(s.progress, lessonId, stepId) })),
  reset: (lessonId) => set((s) => ({ progress: withoutLesson(s.progress, lessonId) })),
  loadManifest: (yaml) => set({ manifestRequest: { id: nextRequest++, yaml } }),
}));

useLessons.subscribe((s, previous) => {
  if (s.progress !== previous.progress || s.lessonId !== previous.lessonId || s.open !== previous.open) {
    saveLessons(storage(), { open: s.open, lessonId: s.lessonId, progress: s.progress });
  }
});
