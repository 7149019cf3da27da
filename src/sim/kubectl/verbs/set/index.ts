/** `kubectl set` (k8s.io/kubectl/pkg/cmd/set): of its subcommands, kubesim runs `set env` and `set image`. */
import type { CommandGroup } from '../../command';
import { envVerb } from './env';
import { imageVerb } from './image';

export const setCommand: CommandGroup = {
  name: 'set',
  group: 'Basic Commands (Beginner):',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  examples: '',
  subcommands: [envVerb, imageVerb],
  unsimulated: ['resources', 'selector', 'serviceaccount', 'subject'],
};
