// TEST DOUBLE: `tilebox workflow ...` with the documented flags, refusals and JSON fields.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fail, output, parseFlags } from './cli.mjs';
import { buildContent, CONFIG, findConfig, loadProject } from './project.mjs';
import { DEFAULT_CLUSTER, slugify, stateDir, suffix, uuid7, withState } from './store.mjs';
import { clusterJson, releaseJson, workflowJson } from './views.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INIT_FILES = [CONFIG, 'pyproject.toml', 'runner.py', 'uv.lock'];

function newWorkflow(s, name, description) {
  const w = { slug: `${slugify(name)}-${suffix()}`, name, description: description ?? '', created_at: new Date().toISOString() };
  s.workflows.push(w);
  return w;
}

function init(ctx, args) {
  const { flags } = parseFlags(args, { name: 'value', json: 'bool' });
  const dir = process.cwd();
  const existing = INIT_FILES.filter((f) => existsSync(join(dir, f)));
  if (existing.length) fail(`cannot initialize ${dir}: ${existing.join(', ')} already exist(s); aborted without changing the directory`);
  const name = flags.name ?? basename(dir);
  const w = withState((s) => newWorkflow(s, name));
  const module = 'runner';
  writeFileSync(
    join(dir, CONFIG),
    `[workflow]\nslug = "${w.slug}"\nroot = "."\nrunner = "${module}:runner"\n\n[build]\ninclude = ["pyproject.toml", "uv.lock", "runner.py"]\nexclude = [".venv/**", "**/__pycache__/**"]\nuse_gitignore = true\n`,
  );
  writeFileSync(
    join(dir, 'pyproject.toml'),
    `[project]\nname = "${slugify(name)}"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["tilebox"]\n`,
  );
  writeFileSync(
    join(dir, 'runner.py'),
    `from tilebox.workflows import ExecutionContext, Runner, Task\n\n\nclass HelloTask(Task):\n    name: str = "world"\n\n    @staticmethod\n    def identifier() -> tuple[str, str]:\n        return "HelloTask", "v1.0"\n\n    def execute(self, context: ExecutionContext) -> None:\n        print(f"Hello {self.name}")\n\n\nrunner = Runner(tasks=[HelloTask])\n`,
  );
  writeFileSync(join(dir, 'uv.lock'), '# stand-in lock file (TEST DOUBLE: no uv sync was run)\nversion = 1\n');
  output(ctx, { workflow_slug: w.slug }, `Initialized workflow ${w.slug} in ${dir}`);
}

function create(ctx, args) {
  const { flags, positional } = parseFlags(args, { description: 'value', json: 'bool' });
  if (!positional[0]) fail('workflow create needs a name', 2);
  const json = withState((s) => workflowJson(s, newWorkflow(s, positional[0], flags.description)));
  output(ctx, json, `Created workflow ${json.slug}`);
}

function list(ctx, args) {
  parseFlags(args, { json: 'bool' });
  const json = withState((s) => ({ workflows: s.workflows.map((w) => workflowJson(s, w)) }));
  output(ctx, json, json.workflows.map((w) => `${w.slug}\t${w.name}`).join('\n'));
}

function localSlug() {
  const config = findConfig(process.cwd());
  if (!config) fail(`no workflow given and no ${CONFIG} found in ${process.cwd()} or any parent directory`, 2);
  return loadProject(process.cwd()).slug;
}

function findWorkflow(s, slug) {
  return s.workflows.find((w) => w.slug === slug) ?? fail(`workflow ${slug} not found`);
}

function get(ctx, args) {
  const { positional } = parseFlags(args, { json: 'bool' });
  const slug = positional[0] ?? localSlug();
  output(
    ctx,
    withState((s) => workflowJson(s, findWorkflow(s, slug))),
  );
}

function build(ctx, args, publish) {
  const { positional } = parseFlags(args, { json: 'bool', debug: 'bool' });
  const project = loadProject(positional[0] ?? process.cwd());
  const { digest, content, sources } = buildContent(project);
  const artifactPath = join(stateDir(), 'artifacts', `${digest}.tar.zst`);
  mkdirSync(join(stateDir(), 'artifacts'), { recursive: true });
  writeFileSync(artifactPath, `TEST DOUBLE artifact placeholder for ${project.slug}\n`);
  if (!publish) {
    output(
      ctx,
      { fingerprint: content.fingerprint, tasks: content.tasks, files: content.files, digest, artifact_path: artifactPath },
      `Built ${project.slug}: ${content.tasks.length} task(s), digest ${digest}`,
    );
    return;
  }
  const result = withState((s) => {
    findWorkflow(s, project.slug);
    const same = s.releases.find(
      (r) => r.workflow_slug === project.slug && r.content.fingerprint === content.fingerprint && r.digest === digest,
    );
    if (same) return { release: same, message: 'release already exists' };
    const release = {
      id: uuid7(),
      workflow_slug: project.slug,
      artifact_id: uuid7(),
      digest,
      content,
      task_sources: sources,
      created_at: new Date().toISOString(),
    };
    s.releases.push(release);
    return { release, message: 'release published' };
  });
  const { id, content: c } = result.release;
  output(ctx, { id, message: result.message, fingerprint: c.fingerprint, tasks: c.tasks, files: c.files }, `${result.message}: ${id}`);
}

/** deploy/undeploy: one of --release/--latest; --target (local toml) or --cluster a,b, not both; else default. */
function deployment(ctx, args, undeploy) {
  const { flags } = parseFlags(args, {
    workflow: 'value',
    release: 'value',
    latest: 'bool',
    target: 'value',
    cluster: 'value',
    json: 'bool',
  });
  if (!!flags.release === !!flags.latest) fail('pass exactly one of --release <uuid> or --latest', 2);
  if (flags.release && !UUID.test(flags.release)) fail(`--release must be a UUID, got "${flags.release}"`, 2);
  if (flags.target && flags.cluster) fail('--target and --cluster cannot be used together', 2);
  let clusters = flags.cluster
    ? flags.cluster
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : undefined;
  if (flags.target) {
    const project = loadProject(process.cwd());
    const target = project.targets[flags.target];
    if (!target) fail(`target "${flags.target}" is not defined in [targets] of ${project.path}`);
    clusters = target.clusters ?? [];
  }
  const slug = flags.workflow ?? localSlug();
  const json = withState((s) => {
    findWorkflow(s, slug);
    const targets = clusters ?? [s.clusters.find((c) => !c.deletable)?.slug ?? DEFAULT_CLUSTER];
    for (const c of targets) if (!s.clusters.some((x) => x.slug === c)) fail(`cluster ${c} not found`);
    const mine = s.releases
      .filter((r) => r.workflow_slug === slug)
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
    const release = flags.latest ? mine[0] : mine.find((r) => r.id === flags.release);
    if (!release)
      fail(flags.latest ? `workflow ${slug} has no releases: publish one first` : `release ${flags.release} not found in workflow ${slug}`);
    if (undeploy) {
      const removed = s.deployments.filter(
        (d) => d.workflow_slug === slug && targets.includes(d.cluster_slug) && (flags.latest || d.release_id === release.id),
      );
      if (removed.length === 0) fail(`no release of ${slug} is deployed on ${targets.join(', ')}`);
      s.deployments = s.deployments.filter((d) => !removed.includes(d));
      const ids = [...new Set(removed.map((d) => d.release_id))];
      return { ...(ids.length === 1 ? { release: { id: ids[0] } } : {}), clusters: removed.map((d) => d.cluster_slug) };
    }
    // One active release per workflow per cluster: deploying replaces the previous mapping.
    s.deployments = s.deployments.filter((d) => !(d.workflow_slug === slug && targets.includes(d.cluster_slug)));
    for (const c of targets)
      s.deployments.push({ workflow_slug: slug, cluster_slug: c, release_id: release.id, deployed_at: new Date().toISOString() });
    return {
      release: releaseJson(s, release),
      clusters: targets.map(
        (c) =>
          clusterJson(
            s,
            s.clusters.find((x) => x.slug === c),
          ).slug,
      ),
    };
  });
  output(
    ctx,
    json,
    `${undeploy ? 'Undeployed' : 'Deployed'} ${json.release?.id ?? 'releases'} ${undeploy ? 'from' : 'to'} ${json.clusters.join(', ')}`,
  );
}

export function workflowCommand(ctx, [verb, ...args]) {
  switch (verb) {
    case 'init':
      return init(ctx, args);
    case 'create':
      return create(ctx, args);
    case 'list':
      return list(ctx, args);
    case 'get':
      return get(ctx, args);
    case 'build-release':
      return build(ctx, args, false);
    case 'publish-release':
      return build(ctx, args, true);
    case 'deploy-release':
      return deployment(ctx, args, false);
    case 'undeploy-release':
      return deployment(ctx, args, true);
    default:
      return fail(`unknown command "workflow ${verb ?? ''}"`, 2);
  }
}
