export function ifNoneMatchIncludes(ifNoneMatch: string | string[] | null | undefined, etag: string): boolean;
