// Headless entry point (`node dist/cli.js`, the package's `bin`): the same validator and
// artifact engine the language server uses, for CI and scripts.
import { runCheck } from './headless/check';
import { runBuild } from './headless/build';
import { runPreview } from './headless/preview';
import { endQuietlyWhenStdoutCloses } from './headless/closedPipe';

const USAGE = `usage:
  tilebox-workflow-check check <file-or-dir> [--format text|json] [--severity <code>=<error|warning|information|hint|off>]...
  tilebox-workflow-check preview <dir> [--json]
  tilebox-workflow-check build <dir> [--out <file>] [--json]`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  check: runCheck,
  preview: runPreview,
  build: runBuild,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return command(rest);
}

endQuietlyWhenStdoutCloses();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tilebox-workflow-check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
