export interface PgCluster {
  /** `postgresql://postgres@localhost:PORT/postgres?host=DIR`: the socket in the cluster's own directory. */
  url: string;
  dir: string;
  port: number;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}
export const PG_BIN: string;
export function pgAvailable(): boolean;
export function startPgCluster(options?: { quiet?: boolean }): Promise<PgCluster>;
export function startCluster(options?: { quiet?: boolean }): Promise<PgCluster | null>;
