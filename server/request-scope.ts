// One transaction per mutation (docs/architecture.md, "Request transactions"): the handler's writes, the check of its
// response against the contract and the idempotency record commit together or not at all.
//
// Handlers reach the database through the `db` they were registered with (`const { db } = deps`) and helpers take
// that `db` too, so the request's transaction cannot be handed to them as an argument. Instead the database's
// dialect is wrapped (`requestScopedDialect`, applied where the Kysely instance is made): inside
// `inRequestTransaction`, every query of that instance runs on the request's one connection, and a handler's own
// `db.transaction().execute(…)` becomes a SAVEPOINT on it. A savepoint keeps the handler's semantics exactly: its
// failure rolls back only its own work (so a handler that catches a unique violation and reads the winner still
// can, also on PostgreSQL, where an error would otherwise abort the whole transaction), and its "commit" is final
// only when the request's transaction commits. SAVEPOINT / RELEASE / ROLLBACK TO are the same SQL in SQLite and
// PostgreSQL. Outside a request scope (GETs, migrations, jobs) the wrapper passes everything through.
//
// Live notifications and work that must outlast a rollback are queued on the scope: `deferUntilCommit` runs after
// the commit (and is dropped on rollback), `keepOnRollback` runs after a rollback, on a connection of its own.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

interface Scope {
  /** False once the request's transaction has ended: work leaked past it (a timer) passes through. */
  open: boolean;
  /** Set by the wrapped driver: proves the database's dialect is wrapped (else a handler's transaction would deadlock). */
  wrapped: boolean;
  connection: DatabaseConnection | null;
  /** Holders of `connection`: the request's transaction and any query or nested transaction inside it. */
  holders: number;
  /** 0 outside the request's transaction, 1 inside it, 2+ inside savepoints. */
  depth: number;
  afterCommit: Array<() => void>;
  onRollback: Array<() => Promise<void>>;
}

const storage = new AsyncLocalStorage<Scope>();
const openScope = (): Scope | undefined => {
  const scope = storage.getStore();
  return scope?.open ? scope : undefined;
};

class RequestScopedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = openScope();
    if (!scope) return this.inner.acquireConnection();
    scope.wrapped = true;
    if (!scope.connection) scope.connection = await this.inner.acquireConnection();
    scope.holders += 1;
    return scope.connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const scope = storage.getStore();
    if (scope && scope.connection === connection) {
      scope.holders -= 1;
      if (scope.holders > 0) return;
      scope.connection = null;
    }
    await this.inner.releaseConnection(connection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scope = this.scopeOf(connection);
    if (!scope || scope.depth === 0) {
      await this.inner.beginTransaction(connection, settings);
    } else {
      await connection.executeQuery(CompiledQuery.raw(`savepoint asn_request_${scope.depth}`));
    }
    if (scope) scope.depth += 1;
  }

  // The depth changes only once a statement succeeded: when a COMMIT or RELEASE fails, Kysely rolls back the same
  // level next, and that must find the depth it had.
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scope = this.scopeOf(connection);
    if (!scope || scope.depth === 1) {
      await this.inner.commitTransaction(connection);
      if (scope) scope.depth = 0;
      return;
    }
    await connection.executeQuery(CompiledQuery.raw(`release savepoint asn_request_${scope.depth - 1}`));
    scope.depth -= 1;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scope = this.scopeOf(connection);
    if (!scope || scope.depth === 1) {
      // Whatever happens, the request's transaction is over (a failed ROLLBACK leaves the connection to the driver).
      if (scope) scope.depth = 0;
      return this.inner.rollbackTransaction(connection);
    }
    const name = `asn_request_${scope.depth - 1}`;
    // ROLLBACK TO keeps the savepoint open; RELEASE closes it, leaving the request's transaction as before it began.
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
    scope.depth -= 1;
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.savepoint) throw new Error('The driver does not support savepoints');
    return this.inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.rollbackToSavepoint) throw new Error('The driver does not support savepoints');
    return this.inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.releaseSavepoint) throw new Error('The driver does not support savepoints');
    return this.inner.releaseSavepoint(connection, name, compile);
  }

  destroy() {
    return this.inner.destroy();
  }

  /** The open scope whose connection this is, if any. */
  private scopeOf(connection: DatabaseConnection): Scope | undefined {
    const scope = openScope();
    return scope && scope.connection === connection ? scope : undefined;
  }
}

/** Wraps a Kysely dialect (SQLite's, PostgreSQL's) so `inRequestTransaction` can route the instance's queries. */
export function requestScopedDialect(inner: Dialect): Dialect {
  return {
    createDriver: () => new RequestScopedDriver(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/**
 * Runs `work` in one transaction of `db` (made with `requestScopedDialect`): every query of `db` inside it, nested
 * transactions included, is part of it. On success the transaction commits and then the `deferUntilCommit` callbacks
 * run; on any error it rolls back, the `keepOnRollback` callbacks run, and the error is rethrown.
 */
export async function inRequestTransaction<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  if (openScope()) return work();
  const scope: Scope = { open: true, wrapped: false, connection: null, holders: 0, depth: 0, afterCommit: [], onRollback: [] };
  let result: T;
  try {
    result = await storage.run(scope, () =>
      db.transaction().execute(async () => {
        if (!scope.wrapped) throw new Error('inRequestTransaction: the database was not opened with requestScopedDialect');
        return work();
      }),
    );
  } catch (error) {
    scope.open = false;
    // Outside the scope (this continuation runs in the caller's context): on a connection of their own.
    for (const keep of scope.onRollback) {
      try {
        await keep();
      } catch (failure) {
        console.error('Work kept across a rolled-back request failed:', failure);
      }
    }
    throw error;
  }
  scope.open = false;
  for (const run of scope.afterCommit) {
    try {
      run();
    } catch (failure) {
      console.error('Work deferred until a commit failed:', failure);
    }
  }
  return result;
}

/** Inside a request transaction: queues `run` for after its commit (dropped on rollback) and returns true; else false. */
export function deferUntilCommit(run: () => void): boolean {
  const scope = openScope();
  if (!scope) return false;
  scope.afterCommit.push(run);
  return true;
}

/**
 * Inside a request transaction: queues `keep` to run after a rollback, outside it, for what must stay done even
 * when the request fails (a spent ALTCHA solution). A no-op outside a request transaction.
 */
export function keepOnRollback(keep: () => Promise<void>): void {
  openScope()?.onRollback.push(keep);
}
