export function buildIsStale(): boolean;
export function storybookIsStale(): boolean;
