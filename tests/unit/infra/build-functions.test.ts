import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findEntries } from '../../../scripts/build-functions.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);

/**
 * A throwaway function outside the repository: it imports a CommonJS package that requires Node
 * built-ins and reads __dirname (the kind that breaks in an ES module bundle without a `require`),
 * an ES module package that makes its own `require`, and jsonata, a CommonJS dependency of the
 * engine, from the repository's node_modules.
 */
function writeFixture(dir: string): void {
  const packages = join(dir, 'entries', 'node_modules');
  mkdirSync(join(packages, 'fixture-cjs'), { recursive: true });
  writeFileSync(join(packages, 'fixture-cjs', 'package.json'), JSON.stringify({ name: 'fixture-cjs', version: '1.0.0', main: 'index.js' }));
  writeFileSync(
    join(packages, 'fixture-cjs', 'index.js'),
    [
      "const { createHash } = require('node:crypto');",
      "const path = require('path');",
      "exports.digest = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);",
      'exports.folder = () => path.basename(__dirname);',
    ].join('\n'),
  );
  mkdirSync(join(packages, 'fixture-esm'), { recursive: true });
  writeFileSync(join(packages, 'fixture-esm', 'package.json'), JSON.stringify({ name: 'fixture-esm', version: '1.0.0', type: 'module', exports: './index.js' }));
  writeFileSync(
    join(packages, 'fixture-esm', 'index.js'),
    [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "export const shout = (text) => `${text.toUpperCase()}${require('node:os').EOL}`;",
    ].join('\n'),
  );
  mkdirSync(join(dir, 'entries', 'hello'), { recursive: true });
  writeFileSync(
    join(dir, 'entries', 'hello', 'index.ts'),
    [
      "import { digest, folder } from 'fixture-cjs';",
      "import { shout } from 'fixture-esm';",
      "import jsonata from 'jsonata';",
      'export const handler = async (event: { name: string }) => ({',
      '  digest: digest(event.name),',
      '  shout: shout(event.name),',
      '  folder: folder(),',
      "  greeting: await jsonata('\"hello \" & name').evaluate(event),",
      '});',
    ].join('\n'),
  );
  // Not a function: no index.ts.
  mkdirSync(join(dir, 'entries', 'shared'), { recursive: true });
  writeFileSync(join(dir, 'entries', 'shared', 'util.ts'), 'export const x = 1;\n');
}

describe('scripts/build-functions.ts', () => {
  let dir: string;
  let stdout: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stepwise-build-'));
    writeFixture(dir);
    ({ stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-functions.ts'), '--entries', join(dir, 'entries'), '--out', join(dir, 'out')], {
      cwd: ROOT,
    }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds each <name>/index.ts, and only those', () => {
    assert.deepEqual(findEntries(join(dir, 'entries')), ['hello']);
    assert.ok(statSync(join(dir, 'out', 'hello', 'index.mjs')).isFile());
    assert.ok(statSync(join(dir, 'out', 'hello', 'index.mjs.map')).isFile());
  });

  it('writes a minified ES module that defines require for bundled CommonJS', () => {
    const bundle = readFileSync(join(dir, 'out', 'hello', 'index.mjs'), 'utf8');
    assert.match(bundle, /^import \{ createRequire as __stepwiseCreateRequire \} from 'node:module';/);
    assert.match(bundle, /\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    assert.ok(bundle.split('\n').length < 20, 'minified');
  });

  it('produces a handler that runs in Node with both kinds of dependency', async () => {
    const module = (await import(pathToFileURL(join(dir, 'out', 'hello', 'index.mjs')).href)) as { handler: (event: { name: string }) => Promise<Record<string, string>> };
    const answer = await module.handler({ name: 'ada' });
    assert.deepEqual(answer, {
      digest: createHash('sha256').update('ada').digest('hex').slice(0, 12),
      shout: `ADA${EOL}`,
      // __dirname inside the bundle is the bundle's folder.
      folder: 'hello',
      greeting: 'hello ada',
    });
  });

  it('prints each bundle with its size in bytes, matching the file', () => {
    const line = stdout.split('\n').find((candidate) => candidate.startsWith('hello '));
    assert.ok(line, stdout);
    const [, bytes, mapBytes] = line.match(/ (\d+) bytes \([\d.]+ (?:B|KiB|MiB)\), source map (\d+) bytes$/) ?? [];
    assert.equal(Number(bytes), statSync(join(dir, 'out', 'hello', 'index.mjs')).size);
    assert.equal(Number(mapBytes), statSync(join(dir, 'out', 'hello', 'index.mjs.map')).size);
  });
});
