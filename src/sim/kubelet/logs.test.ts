import { describe, expect, it } from 'vitest';
import { appendLines, linesBetween, MAX_LOG_LINES, nginxAccessLine, outputPlan } from './logs';

const shell = (script: string) => ({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] });

describe('container output', () => {
  it('times echo lines by the sleeps before them and stops at exit', () => {
    const plan = outputPlan(shell('echo one; sleep 10; echo "two $GREETING" >&2; exit 1; echo never'), [['GREETING', 'hi']], 'p');
    expect(linesBetween(plan, 1000, 0, 60_000)).toEqual([
      { at: 1000, text: 'one' },
      { at: 11_000, text: 'two hi' },
    ]);
  });

  it('repeats a paced loop and ignores output redirected to files', () => {
    const plan = outputPlan(shell('date >> /data/log; while true; do echo tick; date > /tmp/x; sleep 5; done'), [], 'p');
    expect(linesBetween(plan, 0, 0, 12_000).map((l) => [l.at, l.text])).toEqual([
      [0, 'tick'],
      [5000, 'tick'],
      [10_000, 'tick'],
    ]);
    expect(linesBetween(plan, 0, 5001, 10_000)).toEqual([{ at: 10_000, text: 'tick' }]);
  });

  it('keeps at most MAX_LOG_LINES, computing only the newest of a long loop', () => {
    const plan = outputPlan(shell('while true; do echo x; sleep 1; done'), [], 'p');
    const lines = linesBetween(plan, 0, 0, 86_400_000);
    expect(lines).toHaveLength(MAX_LOG_LINES);
    expect(lines.at(-1)!.at).toBe(86_400_000);
    const log = lines.slice();
    appendLines(log, [{ at: 86_400_001, text: 'y' }]);
    expect(log).toHaveLength(MAX_LOG_LINES);
    expect(log.at(-1)!.text).toBe('y');
  });

  it("formats nginx's access line in the combined format", () => {
    expect(nginxAccessLine(65_000, '10.244.1.7', '/api')).toBe('10.244.1.7 - - [01/Jan/2026:09:01:05 +0000] "GET /api HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
  });
});
