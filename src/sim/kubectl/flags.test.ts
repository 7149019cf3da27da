import { describe, expect, it } from 'vitest';
import { formatFlagHelp, parseFlags, type FlagSpec } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', default: '', usage: 'ns' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'all' },
  { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'watch' },
  { name: 'replicas', type: 'int', default: -1, usage: 'replicas' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'files' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'cascade' },
];

describe('parseFlags (pflag grammar)', () => {
  it('interleaves flags and arguments', () => {
    const { args, flags } = parseFlags(['pods', '-n', 'kube-system', 'web', '--replicas=3'], SPECS);
    expect(args).toEqual(['pods', 'web']);
    expect(flags.string('namespace')).toBe('kube-system');
    expect(flags.int('replicas')).toBe(3);
    expect(flags.changed('replicas')).toBe(true);
    expect(flags.changed('watch')).toBe(false);
  });

  it('accepts the value forms of long and short flags', () => {
    for (const argv of [['--namespace', 'x'], ['--namespace=x'], ['-n', 'x'], ['-nx'], ['-n=x']]) {
      expect(parseFlags(argv, SPECS).flags.string('namespace')).toBe('x');
    }
  });

  it('groups boolean shorthands and takes a bool value only after =', () => {
    const grouped = parseFlags(['-Aw', 'pods'], SPECS);
    expect(grouped.flags.bool('all-namespaces')).toBe(true);
    expect(grouped.flags.bool('watch')).toBe(true);
    const explicit = parseFlags(['--all-namespaces=false', 'false'], SPECS);
    expect(explicit.flags.bool('all-namespaces')).toBe(false);
    expect(explicit.args).toEqual(['false']);
  });

  it('takes the next argument as a value even when it looks like a flag', () => {
    expect(parseFlags(['-n', '-A'], SPECS).flags.string('namespace')).toBe('-A');
  });

  it('uses the no-option default of a string flag given bare', () => {
    expect(parseFlags(['--cascade', 'pods'], SPECS).flags.string('cascade')).toBe('background');
    expect(parseFlags(['--cascade=orphan'], SPECS).flags.string('cascade')).toBe('orphan');
  });

  it('splits and accumulates slice flags', () => {
    expect(parseFlags(['-f', 'a.yaml,b.yaml', '--filename=c.yaml'], SPECS).flags.strings('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('parses integers as strconv.ParseInt base 0 does', () => {
    expect(parseFlags(['--replicas=0x10'], SPECS).flags.int('replicas')).toBe(16);
    expect(parseFlags(['--replicas=010'], SPECS).flags.int('replicas')).toBe(8);
    expect(parseFlags(['--replicas=-1'], SPECS).flags.int('replicas')).toBe(-1);
  });

  it('treats everything after -- and a lone - as arguments', () => {
    expect(parseFlags(['-f', '-', '--', '-n', 'x'], SPECS).args).toEqual(['-n', 'x']);
    expect(parseFlags(['-'], SPECS).args).toEqual(['-']);
  });

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['--foo=1'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-Ax'], "unknown shorthand flag: 'x' in -x"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--replicas=abc'], 'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['-A=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
  ])('rejects %j with pflag\'s words', (argv, message) => {
    expect(() => parseFlags(argv, SPECS)).toThrow(message);
  });
});

describe('formatFlagHelp', () => {
  it('lays a flag out as kubectl --help does', () => {
    expect(formatFlagHelp(SPECS[1])).toBe('    -A, --all-namespaces=false:\n\tall\n');
    expect(formatFlagHelp(SPECS[0])).toBe("    -n, --namespace='':\n\tns\n");
    expect(formatFlagHelp(SPECS[4])).toBe('    -f, --filename=[]:\n\tfiles\n');
    expect(formatFlagHelp(SPECS[3])).toBe('    --replicas=-1:\n\treplicas\n');
  });
});
