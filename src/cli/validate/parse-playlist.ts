import { Parser, type ParsedManifest } from 'm3u8-parser';

/** A master or media playlist, read by video.js's own parser (what VHS will see). */
export function parsePlaylist(text: string): ParsedManifest {
  const parser = new Parser();
  parser.push(text);
  parser.end();
  return parser.manifest;
}
