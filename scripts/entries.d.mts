export const elements: Record<string, string>;
export const libraryEntries: Record<string, string>;
export const cdnEntry: string;
