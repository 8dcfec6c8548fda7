// TEST DOUBLE: `tilebox cluster list|get|create|delete`.
import { fail, output, parseFlags } from './cli.mjs';
import { slugify, suffix, withState } from './store.mjs';
import { clusterJson } from './views.mjs';

export function defaultCluster(s) {
  return s.clusters.find((c) => !c.deletable) ?? fail('no default cluster');
}

export function findCluster(s, slug) {
  return s.clusters.find((c) => c.slug === slug) ?? fail(`cluster ${slug} not found`);
}

export function clusterCommand(ctx, [verb, ...args]) {
  const { positional } = parseFlags(args, { json: 'bool', description: 'value', slug: 'value' });
  const human = (c) => `Slug               ${c.slug}\nName               ${c.display_name}\nDeletable          ${c.deletable}`;
  switch (verb) {
    case 'list': {
      const json = withState((s) => ({ clusters: s.clusters.map((c) => clusterJson(s, c)) }));
      return output(ctx, json, json.clusters.map((c) => `${c.slug}\t${c.display_name}`).join('\n'));
    }
    case 'get': {
      // An empty slug asks for the default cluster, like the API's GetCluster.
      const json = withState((s) => clusterJson(s, positional[0] ? findCluster(s, positional[0]) : defaultCluster(s)));
      return output(ctx, json, human(json));
    }
    case 'create': {
      if (!positional[0]) fail('cluster create needs a name', 2);
      const json = withState((s) => {
        const c = {
          slug: `${slugify(positional[0])}-${suffix()}`,
          display_name: positional[0],
          description: '',
          deletable: true,
          created_at: new Date().toISOString(),
        };
        s.clusters.push(c);
        return clusterJson(s, c);
      });
      return output(ctx, json, human(json));
    }
    case 'delete': {
      if (!positional[0]) fail('cluster delete needs a slug', 2);
      const json = withState((s) => {
        const c = findCluster(s, positional[0]);
        if (!c.deletable) fail(`cluster ${c.slug} is the default cluster and cannot be deleted`);
        s.clusters = s.clusters.filter((x) => x !== c);
        s.deployments = s.deployments.filter((d) => d.cluster_slug !== c.slug);
        return { slug: c.slug };
      });
      return output(ctx, json, `Deleted cluster ${json.slug}`);
    }
    default:
      return fail(`unknown command "cluster ${verb ?? ''}"`, 2);
  }
}
