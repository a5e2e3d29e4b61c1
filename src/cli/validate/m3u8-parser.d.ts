/** The part of video.js's m3u8-parser (the parser VHS itself uses) that the validator reads. */
declare module 'm3u8-parser' {
  export interface ParsedPlaylistRef {
    uri: string;
    attributes: {
      BANDWIDTH?: number;
      'AVERAGE-BANDWIDTH'?: string | number;
      CODECS?: string;
      RESOLUTION?: { width: number; height: number };
    };
  }
  export interface ParsedManifest {
    playlists?: ParsedPlaylistRef[];
    segments: { uri: string; duration: number }[];
    playlistType?: string;
    endList?: boolean;
    targetDuration?: number;
  }
  export class Parser {
    push(chunk: string): void;
    end(): void;
    manifest: ParsedManifest;
  }
}
