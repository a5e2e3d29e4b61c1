import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';

/** Every file the participant's index.html loads, following static imports of its chunks. */
function participantFirstLoad(): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [
    ...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(
      /(?:src|href)="\/([^"]+\.(?:js|css))"/g,
    ),
  ].map((match) => match[1] ?? '');
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (files.has(file)) continue;
    const text = readFileSync(join(DIST, file), 'utf8');
    files.set(file, text);
    for (const match of text.matchAll(
      /(?:^|[;\s])import\s*(?:[^'"]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    ))
      queue.push(`assets/${match[1]}`);
  }
  return files;
}

describe('the participant page and the console build', () => {
  it('loads no console code and links nowhere under /console', () => {
    const files = participantFirstLoad();
    expect(files.size).toBeGreaterThan(0);
    for (const [name, text] of files) {
      expect(name.startsWith('console/')).toBe(false);
      // Text only the console's bundle holds: its messages and its API paths.
      expect(text).not.toContain('Konsol penyelenggara');
      expect(text).not.toContain('/api/v1/console/session');
    }
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).not.toContain('/console');
  });

  it('keeps the console out of the participant’s offline precache', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).not.toMatch(/"console\//);
    const consoleHtml = readFileSync(join(DIST, 'console', 'index.html'), 'utf8');
    expect(consoleHtml).toMatch(/src="\/console\/assets\/index-[\w-]+\.js"/);
    const bundle = consoleHtml.match(/src="\/(console\/assets\/[^"]+\.js)"/)?.[1] ?? '';
    expect(readFileSync(join(DIST, bundle), 'utf8')).toContain('Konsol penyelenggara');
  });
});
