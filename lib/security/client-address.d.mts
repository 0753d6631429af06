import type { IncomingMessage } from 'node:http';

export const CLIENT_HEADER: string;
export function clientStamp(address: string): string;
export function addressFromStamp(value: string | null | undefined): string | null;
export function stampClient(req: IncomingMessage, rule?: { trustProxy: boolean; trustedRanges: unknown[] }): string;
export function installClientAddressRule(env?: Record<string, string | undefined>): void;
export function serverStampsRequests(): void;
