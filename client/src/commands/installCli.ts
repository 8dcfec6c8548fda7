// tilebox.cli.setPath, the action of every "CLI not found" message and welcome view: use an installed
// binary, run the documented installer (in a terminal, so the user sees what it does), or read the instructions.
import type { RunnerTerminals, TerminalLike } from '../runner/terminals';
import { setCliPathFlow, type CliPathDeps } from './account';
import { answered } from './flow';
import { outcome, type Outcome } from './ui';

/** The official installer (docs.tilebox.com, "Tilebox CLI"); installs into ~/.local/bin. A constant: no input reaches it. */
export const INSTALL_COMMAND = 'curl -fsSL https://install.tilebox.com/cli.sh | sh';
export const INSTALL_DOCS = 'https://docs.tilebox.com/agents-and-ai-tools/tilebox-cli';
export const INSTALLER_TERMINAL = 'Tilebox CLI installer';

export interface InstallDeps extends CliPathDeps {
  terminals: RunnerTerminals<TerminalLike>;
  platform: NodeJS.Platform;
}

type Choice = 'run' | 'locate' | 'docs';

export async function installCliFlow(d: InstallDeps): Promise<Outcome | undefined> {
  const items: { label: string; detail: string; value: Choice }[] = [
    { label: '$(file-binary) Use an installed tilebox binary…', detail: 'Saves its path in the setting tilebox.cli.path', value: 'locate' },
  ];
  // The installer is a POSIX shell script; on Windows only the instructions and a binary path apply.
  if (d.platform !== 'win32') {
    items.push({
      label: '$(terminal) Run the official installer in a terminal',
      detail: `${INSTALL_COMMAND}  (installs to ~/.local/bin)`,
      value: 'run',
    });
  }
  items.push({ label: '$(link-external) Open the install instructions', detail: INSTALL_DOCS, value: 'docs' });
  const choice = answered(await d.ui.pick('Tilebox CLI', items));
  if (choice === 'locate') return setCliPathFlow(d);
  if (choice === 'docs') {
    await d.ui.openExternal(INSTALL_DOCS);
    return undefined;
  }
  d.terminals.open(
    'install',
    { name: INSTALLER_TERMINAL, shellPath: '/bin/sh', shellArgs: ['-c', INSTALL_COMMAND], env: {}, what: 'The installer' },
    false,
  );
  return outcome(`The installer runs in the terminal "${INSTALLER_TERMINAL}". When it has finished, refresh the Tilebox views.`, [
    { title: 'Refresh', command: 'tilebox.views.refresh' },
  ]);
}
