import { mergeSegments, type Segment } from '../played-segments.ts';
import { subtractSegments } from '../segment-set.ts';

/**
 * Byte arithmetic for answering media requests from stored pieces of a file. A span is a
 * half-open interval [start, end) of byte offsets; a file's stored spans never overlap.
 */
export type ByteSpan = Segment;

/** An inclusive byte range as HTTP states it (`bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeAsk =
  { kind: 'whole' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against a file of `size` bytes. One range only (players send one);
 * anything else we cannot answer from stored pieces is treated as a request for the whole file.
 */
export function readRangeHeader(header: string | null, size: number): RangeAsk {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { kind: 'unsatisfiable' };
  return { kind: 'range', range: { start, end } };
}

export function contentRangeHeader(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** The start offset a `Content-Range: bytes a-b/size` header states, and the size. */
export function readContentRange(
  header: string | null,
): { start: number; end: number; size: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return {
    start: Number(match[1]),
    end: Number(match[2]),
    size: match[3] === '*' ? null : Number(match[3]),
  };
}

export function storedByteCount(spans: readonly ByteSpan[]): number {
  return mergeSegments(spans).reduce((sum, [start, end]) => sum + (end - start), 0);
}

export function addByteSpan(spans: readonly ByteSpan[], span: ByteSpan): ByteSpan[] {
  return mergeSegments([...spans, span]);
}

/** Whether every byte of the inclusive range is stored. */
export function isRangeStored(spans: readonly ByteSpan[], range: ByteRange): boolean {
  return subtractSegments([[range.start, range.end + 1]], spans).length === 0;
}

export interface RangePiece {
  from: 'store' | 'network';
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * How to answer an inclusive byte range: the stored pieces from the store, the holes from the
 * network, in order. The pieces exactly tile the range.
 */
export function planRange(spans: readonly ByteSpan[], range: ByteRange): RangePiece[] {
  const wanted: ByteSpan = [range.start, range.end + 1];
  const holes = subtractSegments([wanted], spans);
  const stored = subtractSegments([wanted], holes);
  return [
    ...holes.map(([start, end]) => ({ from: 'network' as const, start, end })),
    ...stored.map(([start, end]) => ({ from: 'store' as const, start, end })),
  ].sort((a, b) => a.start - b.start);
}

/** The parts of a network piece [start, end) that are not stored yet, to be written. */
export function unstoredParts(spans: readonly ByteSpan[], piece: ByteSpan): ByteSpan[] {
  return subtractSegments([piece], spans);
}
