import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileFacts {
  bytes: number;
  sha256: string;
}

/** Size and SHA-256 of a file, streamed (lessons can be large). */
export async function fileFacts(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}

export async function sizeAndMtime(path: string): Promise<{ bytes: number; mtimeMs: number }> {
  const info = await stat(path);
  return { bytes: info.size, mtimeMs: Math.floor(info.mtimeMs) };
}
