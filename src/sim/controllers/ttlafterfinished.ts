import type { Job } from '../api/types';
import { ApiError } from '../api/errors';
import { objectKey, parseKey } from '../api/object';
import type { WatchEvent } from '../api/store';
import { Controller, type ControllerContext } from './controller';
import { jobFinishTime } from './job';

/**
 * pkg/controller/ttlafterfinished (k8s-semantics §9.4): deletes a finished Job
 * ttlSecondsAfterFinished after its Complete or Failed condition; the garbage collector takes its
 * pods. Like the real controller it deletes with Foreground propagation, so the Job goes last.
 */
export class TtlAfterFinishedController extends Controller {
  constructor(ctx: ControllerContext) {
    super('ttl-after-finished-controller', ctx);
  }

  onEvent({ type, object }: WatchEvent): void {
    if (object.kind !== 'Job' || type === 'DELETED') return;
    const job = object as Job;
    if (job.spec?.ttlSecondsAfterFinished !== undefined && !job.metadata?.deletionTimestamp && jobFinishTime(job) !== undefined) {
      this.enqueue(objectKey('Job', object.metadata.namespace, object.metadata.name!));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = parseKey(key);
    const job = this.ctx.api.get('Job', namespace, name) as Job | undefined;
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    const finished = job && jobFinishTime(job);
    if (!job || ttl === undefined || finished === undefined || job.metadata?.deletionTimestamp) return;
    const remaining = finished + ttl * 1000 - this.ctx.clock.now();
    if (remaining > 0) {
      this.enqueue(key, remaining);
      return;
    }
    try {
      this.ctx.api.delete('Job', namespace, name, this.name, { propagationPolicy: 'Foreground' });
    } catch (err) {
      if (!(err instanceof ApiError) || err.reason !== 'NotFound') throw err;
    }
  }
}
