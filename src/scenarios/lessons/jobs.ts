import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Lesson, LessonView } from '../types';

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 4
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox:1.36
        command: ["sh", "-c", "echo computing; sleep 10"]
`;

const FLAKY = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: task
        image: busybox:1.36
        command: ["sh", "-c", "echo trying; exit 1"]
`;

const REPORT = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: busybox:1.36
            command: ["sh", "-c", "echo report; sleep 30"]
`;

const job = (view: LessonView, name: string) => view.get('Job', name, 'default') as Job | undefined;
const condition = (j: Job | undefined, type: string) => j?.status?.conditions?.find((c) => c.type === type && c.status === 'True');

export const jobsLesson: Lesson = {
  id: 'jobs',
  title: { en: 'Job and CronJob', ko: 'Job과 CronJob' },
  summary: {
    en: 'A Job runs Pods until enough of them succeed; a CronJob creates Jobs on a schedule, and its concurrencyPolicy says what to do when runs overlap.',
    ko: 'Job은 충분한 수의 Pod가 성공할 때까지 실행합니다. CronJob은 일정에 따라 Job을 만들고, concurrencyPolicy는 실행이 겹칠 때 어떻게 할지 정합니다.',
  },
  steps: [
    {
      id: 'complete',
      text: {
        en: 'Run a Job of 4 completions, 2 at a time. Never more than `parallelism` Pods run; `kubectl get jobs` counts `0/4`, `2/4`, `4/4`, and the finished Pods stay as `Completed`.',
        ko: '완료 4번, 동시에 2개씩인 Job을 실행하세요. `parallelism`보다 많은 Pod는 돌지 않습니다. `kubectl get jobs`는 `0/4`, `2/4`, `4/4`로 세고, 끝난 Pod는 `Completed`로 남습니다.',
      },
      manifest: PI,
      commands: ['kubectl get jobs -w', 'kubectl get pods -l job-name=pi'],
      check: (view) => !!condition(job(view, 'pi'), 'Complete') && job(view, 'pi')?.status?.succeeded === 4,
      solution: [{ apply: PI }],
    },
    {
      id: 'backoff',
      text: {
        en: 'This Job always fails. With `backoffLimit: 2` it is retried twice, after 10 s and 20 s, then marked `Failed` with reason `BackoffLimitExceeded`.',
        ko: '이 Job은 항상 실패합니다. `backoffLimit: 2`이므로 10초, 20초 뒤 두 번 다시 시도하고, 그다음 `BackoffLimitExceeded` 이유로 `Failed`가 됩니다.',
      },
      manifest: FLAKY,
      check: (view) => condition(job(view, 'flaky'), 'Failed')?.reason === 'BackoffLimitExceeded' && (view.list('Pod', 'default') as Pod[]).filter((p) => p.metadata?.labels?.['job-name'] === 'flaky').length === 3,
      solution: [{ apply: FLAKY }],
    },
    {
      id: 'cron',
      text: {
        en: 'Create a CronJob that runs every 5 minutes with `concurrencyPolicy: Forbid`. Its Jobs are named after the scheduled minute (`report-<minutes since 1970>`). Jump the clock to the next run with `kubectl sim next-cron report`.',
        ko: '`concurrencyPolicy: Forbid`로 5분마다 실행되는 CronJob을 만드세요. Job 이름은 예정된 분으로 지어집니다(`report-<1970년부터의 분>`). `kubectl sim next-cron report`로 다음 실행까지 시계를 넘길 수 있습니다.',
      },
      manifest: REPORT,
      commands: ['kubectl get cronjobs', 'kubectl describe cronjob report'],
      check: (view) => !!(view.get('CronJob', 'report', 'default') as CronJob | undefined)?.status?.lastScheduleTime && (view.list('Job', 'default') as Job[]).some((j) => /^report-\d+$/.test(j.metadata?.name ?? '')),
      solution: [{ apply: REPORT }],
      settleSeconds: 330,
    },
  ],
};
