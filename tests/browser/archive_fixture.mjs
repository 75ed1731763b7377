// An archive for the node tests: the fixtures imported into a temporary data directory and
// `arkiv serve` on an ephemeral port. The records: the Wilson Center seed, the multilingual
// records, and FRUS documents of four volumes (1918 Russia in full, excerpts of 1919 Paris,
// 1930 and 1964-68).
import { spawn, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const binary = process.env.ARKIV_BINARY;
export const source = process.env.ARKIV_SOURCE_DIR;
export const artifacts = process.env.ARKIV_ARTIFACTS;

export const fixturePaths = () => [
  'tests/fixtures/wilson', 'tests/fixtures/multilingual.jsonl', 'tests/fixtures/frus/frus1918Russiav03.xml',
  'tests/fixtures/frus/frus1919Parisv01-excerpt.xml', 'tests/fixtures/frus/frus1930v01-excerpt.xml',
  'tests/fixtures/frus/frus1964-68v29p1-excerpt.xml',
].map((p) => path.join(source, p));

// Imports the fixtures into DIR/data; returns the data directory.
export function importFixtures(tmp) {
  assert.ok(binary && source && artifacts, 'ARKIV_BINARY, ARKIV_SOURCE_DIR and ARKIV_ARTIFACTS must be set');
  const data = path.join(tmp, 'data');
  const imported = spawnSync(binary, ['--data', data, 'import', ...fixturePaths()]);
  assert.equal(imported.status, 0, String(imported.stderr));
  return data;
}

export function makeTemp() {
  fs.mkdirSync(artifacts, { recursive: true });
  return fs.mkdtempSync(path.join(os.tmpdir(), 'arkiv-node-'));
}

export function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--data', dataDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => fs.appendFileSync(path.join(artifacts, 'server.log'), d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/[^\s]+)\n/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`arkiv serve exited with ${code}`)));
  });
}

export async function stopServer(child) {
  if (!child) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
