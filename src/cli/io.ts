// The process boundary of a command: where output goes, the working
// directory, the environment. Commands take it as a parameter so tests can
// run them in-process and capture everything.

export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout(text: string): void
  stderr(text: string): void
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean
}

export type Command = (argv: string[], io: Io) => Promise<number>

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  }
}
