/**
 * Lessons are data: text in English and Korean, manifests to load, and a live check per step
 * written against a read-only view of the cluster, which both the core (in tests) and the UI's
 * mirror (in the lesson panel) provide.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export interface Localized {
  en: string;
  ko: string;
}

/** Any stored object, as far as a check needs it. */
export interface LessonObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

export interface LessonView {
  list(kind: string, namespace?: string): readonly LessonObject[];
  get(kind: string, name: string, namespace?: string): LessonObject | undefined;
}

/** What a learner does to finish a step; the lesson test plays these against the core. */
export type LessonAction = { apply: string } | { kubectl: string };

export interface LessonStep {
  id: string;
  /** Markdown. */
  text: Localized;
  /** YAML the panel's "Load manifest" puts in the editor. */
  manifest?: string;
  /** Commands the step suggests, in kubectl's syntax. */
  commands?: string[];
  /** True once the live cluster shows the step done. */
  check(view: LessonView): boolean;
  /** The model solution, from the state the previous steps left. */
  solution: LessonAction[];
  /** Virtual seconds the solution may take to satisfy the check (default 120). */
  settleSeconds?: number;
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  /** Worker nodes the lesson's cluster starts with (default 3). */
  nodes?: number;
  steps: LessonStep[];
}
