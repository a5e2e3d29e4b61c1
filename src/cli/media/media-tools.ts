import { spawn } from 'node:child_process';
import { ProgressReader } from './progress-output.ts';
import { parseProbe, probeArgs, type ProbeResult } from './ffprobe-args.ts';

/** ffmpeg or ffprobe is not installed (or not where RUNTUT_FFMPEG / RUNTUT_FFPROBE point). */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(
      `${tool} was not found. Install Debian's "ffmpeg" package (sudo apt-get install ffmpeg), ` +
        `or point RUNTUT_${tool.toUpperCase()} at the binary.`,
    );
  }
}

export class ToolFailedError extends Error {}

const binary = (tool: 'ffmpeg' | 'ffprobe') =>
  process.env[`RUNTUT_${tool.toUpperCase()}`]?.trim() || tool;

interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * The one runner: executes a tool with an argument list (never through a shell), collects its
 * output, and calls `onProgress` with 0–1 when given the media length and `-progress pipe:1`.
 */
export function runTool(
  tool: 'ffmpeg' | 'ffprobe',
  args: readonly string[],
  progress?: { totalSeconds: number; onProgress: (share: number) => void },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary(tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const reader = progress && new ProgressReader(progress.totalSeconds);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (reader) reader.push(chunk).forEach((share) => progress.onProgress(share));
      else stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-200_000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new ToolMissingError(tool) : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else {
        const last = stderr.trim().split('\n').slice(-3).join(' | ');
        reject(new ToolFailedError(`${tool} exited with ${code}: ${last || 'no message'}`));
      }
    });
  });
}

export async function probe(file: string): Promise<ProbeResult> {
  const { stdout } = await runTool('ffprobe', probeArgs(file));
  try {
    return parseProbe(stdout);
  } catch (error) {
    throw new ToolFailedError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails early, with the package to install, before any work is done. */
export async function requireMediaTools(): Promise<void> {
  await runTool('ffmpeg', ['-hide_banner', '-version']);
  await runTool('ffprobe', ['-hide_banner', '-version']);
}
