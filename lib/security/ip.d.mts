export interface ParsedIp {
  family: 4 | 6;
  bytes: Uint8Array;
}
export interface IpRange extends ParsedIp {
  bits: number;
}
export function parseIp(raw: string): ParsedIp | null;
export function formatIp(ip: ParsedIp): string;
export function isLoopback(raw: string): boolean;
export function isLoopbackHost(hostname: string): boolean;
export const LOOPBACK_RANGES: 'loopback';
export function parseRanges(text: string | undefined): { ok: true; ranges: IpRange[] } | { ok: false; entry: string };
export function inRanges(raw: string, ranges: IpRange[]): boolean;
export function clientAddress(request: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: boolean;
  trustedRanges: IpRange[];
}): string;
export function limitKeys(raw: string): { address: string; range: string | null };
