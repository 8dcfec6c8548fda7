// Headless entry point (`node dist/cli.js`, the package's `bin`): the same validator and
// artifact engine the language server uses, for CI and scripts.
import { endQuietlyWhenStdoutCloses } from './headless/closedPipe';

const USAGE = `usage:
  tilebox-workflow-check check <file-or-dir> [--format text|json] [--severity <code>=<error|warning|information|hint|off>]...
  tilebox-workflow-check preview <dir> [--json]
  tilebox-workflow-check build <dir> [--out <file>] [--json]`;

type Command = (args: string[]) => Promise<number>;

/**
 * Each command's code is evaluated only when it runs (the bundle turns these imports into lazy initialisers): `build`
 * then does not set up the Python parser that only discovery needs, and every command starts sooner.
 */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./headless/check')).runCheck,
  preview: async () => (await import('./headless/preview')).runPreview,
  build: async () => (await import('./headless/build')).runBuild,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined || !Object.hasOwn(commands, name) ? undefined : commands[name];
  if (!load) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return (await load())(rest);
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
