// TEST DOUBLE state for the stand-in tilebox CLI: JSON files in $TILEBOX_STANDIN_STATE, seeded on first use,
// guarded by a lock directory so a running `runner start` and a `job submit` never lose each other's writes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const COLLECTIONS = ['workflows', 'releases', 'clusters', 'deployments', 'jobs', 'logs'];
export const DEFAULT_CLUSTER = 'default-8fJm2kQ9xL4pRw';

export function stateDir() {
  const dir = process.env.TILEBOX_STANDIN_STATE || join(tmpdir(), 'tilebox-standin-state');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function seed() {
  const now = new Date().toISOString();
  const cluster = (slug, display_name, deletable) => ({ slug, display_name, description: '', deletable, created_at: now });
  return {
    workflows: [
      { slug: 'scene-qa-F8yVcPRfw2AkoZ', name: 'Scene QA', description: 'Seeded by the stand-in for the example project', created_at: now },
    ],
    releases: [],
    clusters: [
      cluster(DEFAULT_CLUSTER, 'Default', false),
      cluster('dev-cluster-9xK2mQ4pL8nR7s', 'dev-cluster', true),
      cluster('prod-eu-CvufcSxcC9SKfe', 'prod-eu', true),
      cluster('prod-us-Drv6L7Li4t7Yvk', 'prod-us', true),
    ],
    deployments: [],
    jobs: [],
    logs: {},
  };
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function lock(dir) {
  const path = join(dir, 'lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(path);
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A holder killed mid-write leaves the lock behind: break it after 5 s.
      try {
        if (Date.now() - statSync(path).mtimeMs > 5000) rmSync(path, { recursive: true, force: true });
      } catch {
        /* gone */
      }
      sleepSync(i < 20 ? 5 : 25);
    }
  }
}

function load(dir) {
  if (!existsSync(join(dir, 'clusters.json'))) {
    const s = seed();
    save(dir, s);
    return s;
  }
  const s = {};
  for (const c of COLLECTIONS) {
    const file = join(dir, `${c}.json`);
    s[c] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : c === 'logs' ? {} : [];
  }
  return s;
}

function save(dir, s) {
  for (const c of COLLECTIONS) {
    const file = join(dir, `${c}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(s[c], null, 1));
    renameSync(`${file}.tmp`, file);
  }
}

/** Runs `fn(state)` under the lock; the state is saved afterwards unless fn throws. */
export function withState(fn) {
  const dir = stateDir();
  const release = lock(dir);
  try {
    const s = load(dir);
    const out = fn(s);
    save(dir, s);
    return out;
  } finally {
    release();
  }
}

/** A UUIDv7-looking id: 48-bit millisecond time, then random bits. */
export function uuid7(ms = Date.now()) {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function suffix() {
  return [...randomBytes(14)].map((n) => ALNUM[n % ALNUM.length]).join('');
}

/** Lowercase words joined by '-', cut to ≤ 40 characters at a word boundary when possible. */
export function slugify(name) {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 40) {
      if (!out) out = w.slice(0, 40);
      break;
    }
    out = next;
  }
  return out || 'workflow';
}

export const sha256 = (data) => createHash('sha256').update(data).digest('hex');
