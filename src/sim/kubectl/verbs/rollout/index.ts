/** `kubectl rollout` (k8s.io/kubectl/pkg/cmd/rollout): its subcommands, for Deployments, StatefulSets and DaemonSets. */
import type { CommandGroup } from '../../command';
import { historyVerb } from './history';
import { pauseVerb, resumeVerb } from './pause';
import { restartVerb } from './restart';
import { statusVerb } from './status';
import { undoVerb } from './undo';

export const rolloutCommand: CommandGroup = {
  name: 'rollout',
  group: 'Deploy Commands:',
  short: 'Manage the rollout of a resource',
  long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  examples: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
  subcommands: [historyVerb, pauseVerb, restartVerb, resumeVerb, statusVerb, undoVerb],
};
