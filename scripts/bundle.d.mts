export function bundle(code: string, options?: { minify?: boolean }): Promise<string>;
