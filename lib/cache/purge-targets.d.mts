export function parsePurgeTargets(value: string | undefined | null): string[];
export function purgeTargetsFromEnv(): string[];
export const queuePurgesSql: string;
