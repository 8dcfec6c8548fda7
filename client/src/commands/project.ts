// tilebox.project.create: `workflow init --name` in a folder the user picks. The CLI refuses when
// tilebox.workflow.toml, pyproject.toml, runner.py or uv.lock exist; that refusal is shown as it is.
import * as path from 'node:path';
import { workflowInit } from '../cliAdapter/calls';
import { answered, need, type FlowDeps } from './flow';
import { outcome, type Outcome } from './ui';
import { CONFIG_FILE_NAME } from '@shared';

export interface ProjectDeps extends FlowDeps {
  openFile(file: string): Promise<void>;
}

export async function createProjectFlow(d: ProjectDeps, folderArg?: string): Promise<Outcome> {
  const folder = folderArg ?? answered(await d.ui.pickFolder('Folder for the new workflow project'));
  const name = answered(
    await d.ui.input({
      title: 'Workflow name',
      value: path.basename(folder),
      prompt: 'The slug is derived from it (at most 40 characters) and the workflow is created in your Tilebox team.',
      validate: (v) =>
        v.trim() === ''
          ? 'A name is required.'
          : /[\r\n]/.test(v)
            ? 'One line only.'
            : v.trim().startsWith('-')
              ? 'The name must not start with "-".'
              : undefined,
    }),
  ).trim();
  const created = await d.ui.progress(`Creating workflow project ${name}`, (signal) =>
    need(d.cli.run(workflowInit(name), { cwd: folder, signal }), `Creating workflow project in ${folder}`),
  );
  await d.openFile(path.join(folder, CONFIG_FILE_NAME));
  return outcome(`Created workflow ${created.workflowSlug} in ${folder}.`, [
    { title: 'Publish Release', command: 'tilebox.release.publish', args: [{ projectDir: folder }] },
  ]);
}
