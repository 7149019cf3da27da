/** Every lesson, one per topic of the seed notes, in their order. */
import { blueGreenLesson } from './lessons/blue-green';
import { canaryLesson } from './lessons/canary';
import { clusterLesson } from './lessons/cluster';
import { daemonSetLesson } from './lessons/daemonset';
import { statefulSetLesson } from './lessons/statefulset';
import { volumesLesson } from './lessons/volumes';
import { configLesson } from './lessons/config';
import { ingressLesson } from './lessons/ingress';
import { jobsLesson } from './lessons/jobs';
import { labelsLesson } from './lessons/labels';
import { namespacesLesson } from './lessons/namespaces';
import { podsLesson } from './lessons/pods';
import { recreateLesson } from './lessons/recreate';
import { replicaSetLesson } from './lessons/replicaset';
import { rollingUpdateLesson } from './lessons/rolling-update';
import { schedulingLesson } from './lessons/scheduling';
import { servicesLesson } from './lessons/services';
import { storageLesson } from './lessons/storage';
import type { Lesson } from './types';

export type { Lesson, LessonAction, LessonStep, LessonView, Localized } from './types';

export const LESSONS: readonly Lesson[] = [
  clusterLesson,
  podsLesson,
  replicaSetLesson,
  rollingUpdateLesson,
  recreateLesson,
  blueGreenLesson,
  canaryLesson,
  servicesLesson,
  ingressLesson,
  labelsLesson,
  namespacesLesson,
  configLesson,
  volumesLesson,
  storageLesson,
  statefulSetLesson,
  daemonSetLesson,
  jobsLesson,
  schedulingLesson,
];
