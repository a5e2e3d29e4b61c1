import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What the page fetches as text; media and images are already compressed. */
const TEXT = /\.(?:html|js|mjs|css|json|webmanifest|vtt|svg|txt)$/i;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `file.br` (quality 11) and `file.gz` (level 9) beside every text file of the build, for
 * the server to send by `Accept-Encoding` without compressing per request. `courses/` is left
 * out: courses change without a build (COURSES_DIR), and a copied file can carry an old mtime
 * that would make a stale sibling look fresh; the server compresses those on demand instead.
 */
export async function precompressDir(outDir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const path of filesUnder(outDir)) {
    const name = relative(outDir, path);
    if (!TEXT.test(name) || name.startsWith('courses/')) continue;
    const source = await readFile(path);
    const [br, gz] = await Promise.all([
      brotli(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
        },
      }),
      gzipAsync(source, { level: 9 }),
    ]);
    await writeFile(`${path}.br`, br);
    await writeFile(`${path}.gz`, gz);
    files += 1;
    bytes += (await stat(`${path}.br`)).size;
  }
  return { files, bytes };
}

/** Runs last, after the service worker is generated, so the worker is compressed too. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'runtut:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const { files, bytes } = await precompressDir(outDir);
        this.info(
          `precompressed ${files} text files (brotli total ${(bytes / 1024).toFixed(1)} kB)`,
        );
      },
    },
  };
}
