/** Flags several verbs share, with kubectl's help texts. */
import type { FlagSpec } from '../flags';

export const ALL_NAMESPACES: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  default: false,
  usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
};

export const SELECTOR: FlagSpec = {
  name: 'selector',
  shorthand: 'l',
  type: 'string',
  default: '',
  usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const IGNORE_NOT_FOUND: FlagSpec = {
  name: 'ignore-not-found',
  type: 'bool',
  default: false,
  usage: 'If the requested object does not exist the command will return exit code 0.',
};
