/**
 * The programs `kubectl exec` can run in a simulated container: env, printenv, cat, ls, hostname,
 * echo, and `sh -c` over them. They read the environment the kubelet started the container with
 * and the files of its mounts, and fail with the messages of the image's own tools (busybox on
 * busybox- and alpine-based images, GNU coreutils and dash on the Debian-based ones).
 */
import type { Pod } from '../../api/types';
import type { ContainerAccess } from '../../kubelet/runtime';
import { podHostname } from '../../kubelet/filesystem';
import { parseImage } from '../../kubelet/images';

export interface ProgramResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecTarget {
  pod: Pod;
  container: string;
  image: string;
  access: ContainerAccess;
}

/** The programs kubesim runs; anything else that an image plausibly has is "not simulated". */
export const SIMULATED = ['env', 'printenv', 'cat', 'ls', 'hostname', 'echo', 'sh -c'];
const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', '/bin/ash']);
/** Tools real images ship that kubesim does not run, so it says so instead of "not found". */
const UNSIMULATED_TOOLS = new Set(['ps', 'top', 'df', 'du', 'mount', 'curl', 'wget', 'nslookup', 'dig', 'ping', 'vi', 'nano', 'grep', 'tail', 'head', 'touch', 'rm', 'mkdir', 'cp', 'mv', 'date', 'id', 'whoami', 'uname', 'sleep', 'find', 'stat', 'wc', 'nginx', 'apt', 'apk', 'cd']);

const ok = (stdout: string): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });

function busybox(image: string): boolean {
  const repo = parseImage(image).repository;
  return /(^|\/)(busybox|alpine)$/.test(repo) || repo.startsWith('kubesim/') || parseImage(image).tag.includes('alpine');
}

function cat(t: ExecTarget, files: string[]): ProgramResult {
  let stdout = '';
  let stderr = '';
  for (const file of files) {
    const content = t.access.readFile(t.pod, t.container, file);
    if (content !== undefined) {
      stdout += content;
      continue;
    }
    const isDir = t.access.list(t.pod, t.container, file).kind === 'dir';
    if (busybox(t.image)) stderr += isDir ? 'cat: read error: Is a directory\n' : `cat: can't open '${file}': No such file or directory\n`;
    else stderr += `cat: ${file}: ${isDir ? 'Is a directory' : 'No such file or directory'}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function ls(t: ExecTarget, args: string[]): ProgramResult | string {
  const flags = args.filter((a) => a.startsWith('-'));
  const bad = flags.flatMap((f) => [...f.slice(1)]).find((ch) => !['1', 'a', 'A'].includes(ch));
  if (bad) return `ls -${bad}`;
  const all = flags.some((f) => f.includes('a'));
  const almostAll = flags.some((f) => f.includes('A'));
  const paths = args.filter((a) => !a.startsWith('-'));
  const targets = paths.length ? paths : ['/'];
  let stdout = '';
  let stderr = '';
  let code = 0;
  const listings = targets.map((p) => [p, t.access.list(t.pod, t.container, p)] as const);
  for (const [path, listing] of listings) {
    if (listing.kind !== 'missing') continue;
    stderr += busybox(t.image) ? `ls: ${path}: No such file or directory\n` : `ls: cannot access '${path}': No such file or directory\n`;
    code = busybox(t.image) ? 1 : 2;
  }
  const found = listings.filter(([, l]) => l.kind !== 'missing');
  for (const [path] of found.filter(([, l]) => l.kind === 'file')) stdout += `${path}\n`;
  const dirs = found.filter(([, l]) => l.kind === 'dir');
  dirs.forEach(([path, listing], i) => {
    if (listing.kind !== 'dir') return;
    if (found.length > 1) stdout += `${i > 0 || stdout ? '\n' : ''}${path}:\n`;
    const entries = [...(all && !almostAll ? ['.', '..'] : []), ...listing.entries.filter((e) => all || almostAll || !e.startsWith('.'))];
    stdout += entries.map((e) => `${e}\n`).join('');
  });
  return { stdout, stderr, exitCode: code };
}

/** One program with its arguments; a string result names a program or option kubesim does not simulate. */
function runProgram(t: ExecTarget, argv: string[]): ProgramResult | string | undefined {
  const [name, ...args] = argv;
  const program = name.replace(/^\/(usr\/)?bin\//, '');
  const env = t.access.processEnv(t.pod, t.container) ?? [];
  switch (program) {
    case 'env':
      return args.length ? 'env with arguments' : ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'printenv': {
      if (!args.length) return ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
      const values = args.map((a) => env.find(([k]) => k === a)?.[1]);
      return { stdout: values.filter((v) => v !== undefined).map((v) => `${v}\n`).join(''), stderr: '', exitCode: values.includes(undefined) ? 1 : 0 };
    }
    case 'cat':
      return args.length ? cat(t, args) : 'cat reading stdin';
    case 'ls':
      return ls(t, args);
    case 'hostname':
      return ok(`${podHostname(t.pod)}\n`);
    case 'echo':
      return args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`);
  }
  return UNSIMULATED_TOOLS.has(program) || SHELLS.has(name) ? name : undefined;
}

/** Words of one shell command, with quotes removed and $VAR / ${VAR} expanded. */
function shellWords(command: string, env: Map<string, string>): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  const expand = (s: string) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => env.get((a ?? b)!) ?? '');
  for (const m of command.matchAll(re)) words.push(m[2] !== undefined ? m[2] : expand(m[1] ?? m[3]));
  return words;
}

/** `sh -c SCRIPT`: commands separated by `;` or `&&`, run in turn; the last status is the shell's. */
function shell(t: ExecTarget, shellName: string, script: string): ProgramResult | string {
  const env = new Map(t.access.processEnv(t.pod, t.container) ?? []);
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const part of script.split(/(;|&&)/)) {
    if (part === ';' || part === '&&') {
      if (part === '&&' && exitCode !== 0) break;
      continue;
    }
    const argv = shellWords(part.trim(), env);
    if (argv.length === 0) continue;
    const r = runProgram(t, argv);
    if (typeof r === 'string') return r;
    if (r === undefined) {
      const bash = shellName.endsWith('bash');
      stderr += bash ? `bash: line 1: ${argv[0]}: command not found\n` : busybox(t.image) ? `${shellName}: ${argv[0]}: not found\n` : `${shellName}: 1: ${argv[0]}: not found\n`;
      exitCode = 127;
      continue;
    }
    stdout += r.stdout;
    stderr += r.stderr;
    exitCode = r.exitCode;
  }
  return { stdout, stderr, exitCode };
}

/** containerd's answer for an executable that is not in the image: an API error, not an exit code. */
export class ExecNotFound extends Error {}

/**
 * Runs argv in the container. A string result is what kubesim cannot simulate; ExecNotFound is
 * thrown for a program the image does not have.
 */
export function runInContainer(t: ExecTarget, argv: string[], execId: string): ProgramResult | string {
  if (SHELLS.has(argv[0]) && argv[1] === '-c' && argv.length >= 3) return shell(t, argv[0].replace(/^\/bin\//, ''), argv[2]);
  const result = runProgram(t, argv);
  if (result !== undefined) return result;
  throw new ExecNotFound(
    `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
  );
}
