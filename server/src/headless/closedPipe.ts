// A reader that stops early (`| head -1`) closes stdout under us. git and tar die of SIGPIPE there
// (status 141 = 128 + 13), quietly; Node ignores SIGPIPE and reports EPIPE instead, which would end
// in a stack trace. This ends the process the way git does: status 141, nothing on stderr.
export const CLOSED_PIPE_STATUS = 141;

type Exit = (code: number) => never;

function isClosedPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Call once at start-up: from then on a closed stdout ends the process with status 141. */
export function endQuietlyWhenStdoutCloses(stdout: NodeJS.WriteStream = process.stdout, exit: Exit = process.exit): void {
  stdout.on('error', (error) => {
    if (isClosedPipe(error)) exit(CLOSED_PIPE_STATUS);
    throw error;
  });
}

/**
 * Resolves once everything written to stdout so far has been handed on; a closed pipe ends the
 * process first. Await it before writing a summary to stderr, so none follows a `| head`.
 */
export function stdoutFlushed(stdout: NodeJS.WriteStream = process.stdout, exit: Exit = process.exit): Promise<void> {
  return new Promise((resolve) => {
    stdout.write('', (error) => {
      if (error && isClosedPipe(error)) exit(CLOSED_PIPE_STATUS);
      resolve();
    });
  });
}
