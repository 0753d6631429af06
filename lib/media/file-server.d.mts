import type { IncomingMessage, ServerResponse } from 'node:http';

export const MEDIA_CACHE_CONTROL: string;
export function mediaEtag(hash: string, variant: { width: number; format: string } | null, size: number): string;
export function defaultMediaPath(databasePath: string): string;
export function mediaRootFromEnv(env?: Record<string, string | undefined>): string;
export function mediaFileOf(urlPath: string, root: string): { file: string; type: string; etag: (size: number) => string } | null;
export function serveMediaFile(
  req: IncomingMessage,
  res: ServerResponse,
  options: { root: string; headers?: Record<string, string> },
): Promise<boolean>;
