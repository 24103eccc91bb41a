/**
 * Bundles each Lambda entry point, `<entries>/<name>/index.ts`, into `<out>/<name>/index.mjs`
 * with esbuild, using the settings SST deploys with (infra/spec/functions.ts), and prints each
 * bundle's size. `sst deploy` does its own bundling; this is for inspecting what gets deployed
 * and for deploying the functions some other way.
 *
 *   node --import tsx scripts/build-functions.ts [--entries functions] [--out dist/functions]
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE, EXTERNAL_PACKAGES } from '../infra/spec/functions.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * esbuild turns a CommonJS module's `require('node:fs')` into a call of `require` if one exists
 * at run time, and into an error otherwise, as ES modules have no `require`. Defining it (and the
 * CommonJS path globals) up front lets bundled CommonJS dependencies load. The imports are
 * renamed so they cannot collide with names in the bundle.
 */
export const REQUIRE_BANNER = [
  "import { createRequire as __stepwiseCreateRequire } from 'node:module';",
  "import { fileURLToPath as __stepwiseFileURLToPath } from 'node:url';",
  "import { dirname as __stepwiseDirname } from 'node:path';",
  'const require = __stepwiseCreateRequire(import.meta.url);',
  'const __filename = __stepwiseFileURLToPath(import.meta.url);',
  'const __dirname = __stepwiseDirname(__filename);',
].join('\n');

export interface BuildFunctionsOptions {
  /** Holds one directory per function, each with an `index.ts`. */
  readonly entriesDir: string;
  readonly outDir: string;
  /** Printed lines; stdout by default. */
  readonly log?: (line: string) => void;
}

export interface BuiltFunction {
  readonly name: string;
  readonly outfile: string;
  readonly bytes: number;
  readonly sourceMapBytes: number;
}

/** The function names under `entriesDir`: directories with an `index.ts`, sorted. */
export function findEntries(entriesDir: string): string[] {
  if (!existsSync(entriesDir)) return [];
  return readdirSync(entriesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(entriesDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

export async function buildFunctions(options: BuildFunctionsOptions): Promise<BuiltFunction[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const entriesDir = resolve(options.entriesDir);
  const outDir = resolve(options.outDir);
  const names = findEntries(entriesDir);
  if (names.length === 0) {
    log(`No functions to build: no ${join(relative(process.cwd(), entriesDir) || '.', '<name>', 'index.ts')}`);
    return [];
  }
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const outfile = join(outDir, name, 'index.mjs');
    await build({
      entryPoints: [join(entriesDir, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: BUNDLE.platform,
      target: BUNDLE.target,
      format: BUNDLE.format,
      minify: BUNDLE.minify,
      sourcemap: BUNDLE.sourcemap,
      mainFields: [...BUNDLE.mainFields],
      external: [...EXTERNAL_PACKAGES],
      banner: { js: REQUIRE_BANNER },
      // Entries outside the repository (tests build some in a temporary directory) resolve
      // packages from the repository's node_modules, as the functions' own imports do.
      nodePaths: [join(REPO_ROOT, 'node_modules')],
      legalComments: 'none',
      logLevel: 'warning',
    });
    built.push({ name, outfile, bytes: statSync(outfile).size, sourceMapBytes: existsSync(`${outfile}.map`) ? statSync(`${outfile}.map`).size : 0 });
  }
  const width = Math.max(...built.map((fn) => fn.name.length));
  for (const fn of built) {
    log(`${fn.name.padEnd(width)}  ${relative(process.cwd(), fn.outfile)}  ${fn.bytes} bytes (${humanSize(fn.bytes)}), source map ${fn.sourceMapBytes} bytes`);
  }
  return built;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

function parseArgs(argv: readonly string[]): { entriesDir: string; outDir: string } {
  let entriesDir = join(REPO_ROOT, 'functions');
  let outDir = join(REPO_ROOT, 'dist', 'functions');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--entries' || arg === '--out') && (value === undefined || value.startsWith('--'))) throw new Error(`${arg} needs a directory`);
    if (arg === '--entries') entriesDir = resolve(value!);
    else if (arg === '--out') outDir = resolve(value!);
    else throw new Error(`Unknown argument ${arg}; usage: build-functions.ts [--entries <dir>] [--out <dir>]`);
    i++;
  }
  return { entriesDir, outDir };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await buildFunctions(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
