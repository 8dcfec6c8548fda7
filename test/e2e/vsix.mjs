// Reads a VSIX (a zip) with yauzl, which vsce already brings along, so no `unzip` binary is needed.
import { mkdirSync, mkdtempSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

function entries(vsix, onEntry) {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', resolvePromise);
      zip.on('entry', (entry) => {
        Promise.resolve(onEntry(zip, entry)).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  });
}

/** Every file path in the VSIX. */
export async function listVsix(vsix) {
  const files = [];
  await entries(vsix, (_zip, entry) => {
    if (!entry.fileName.endsWith('/')) files.push(entry.fileName);
  });
  return files;
}

/** Unpacks the VSIX into a new temp folder and returns it (the caller removes it). */
export async function unpackVsix(vsix) {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-vsix-unpacked-'));
  await entries(vsix, (zip, entry) => {
    if (entry.fileName.endsWith('/') || entry.fileName.includes('..')) return undefined;
    const dest = join(dir, entry.fileName);
    mkdirSync(dirname(dest), { recursive: true });
    return new Promise((ok, fail) =>
      zip.openReadStream(entry, (err, stream) => (err ? fail(err) : pipeline(stream, createWriteStream(dest)).then(ok, fail))),
    );
  });
  return dir;
}
