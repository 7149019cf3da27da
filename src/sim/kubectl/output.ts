/** What a command writes: stdout and stderr kept apart, as a terminal or the CLI shows them. */
export class Output {
  stdout = '';
  stderr = '';

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }
}
