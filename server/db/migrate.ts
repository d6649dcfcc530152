// Runs the migrations at start. The provider is static (an import map), so bundling or a changed cwd
// cannot lose a migration file.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import { m001_initial } from './migrations/001_initial.js';
import { m002_programs } from './migrations/002_programs.js';
import { m003_partnerships } from './migrations/003_partnerships.js';
import { m004_internships } from './migrations/004_internships.js';

const migrations: Record<string, Migration> = {
  '001_initial': m001_initial,
  '002_programs': m002_programs,
  '003_partnerships': m003_partnerships,
  '004_internships': m004_internships,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
