import type postgres from "postgres";

/**
 * postgres.js 3.4.9 mishandles a transaction whose connection goes away (a database restart, a
 * failover, a cut network) while it is open. `sql.begin()` rejects, but its callback runs on:
 * each later statement, and the ROLLBACK or COMMIT that begin() itself sends at the end, is
 * written to the closed connection. Written there, it throws "Cannot read properties of null
 * (reading 'write')" from a timer, which ends the server process; written after the pool has
 * reopened that connection for other work, it runs outside any transaction and is saved on its
 * own: a half-saved registration. (Upstream: porsager/postgres issues 1154, 1186, 1208, 1216.)
 *
 * guardTransactions() wraps the client that drizzle is given so that none of this can happen:
 * as soon as a transaction's connection is known to be lost, the transaction's promise rejects
 * with the connection's error, and from then on nothing of that transaction reaches the driver:
 * statements it still issues, and its callback's own outcome (which begin() would answer with
 * COMMIT or ROLLBACK), never settle. PostgreSQL has already rolled the transaction back with the
 * session; the pool replaces the connection for the next query.
 *
 * It covers what drizzle uses inside a transaction, `unsafe()` and `savepoint()`, and so what
 * db/queries/records-import.ts does with the client's own begin() (`unsafe()`, with COPY).
 */

/** Codes of errors that mean the connection itself is gone, not that a statement failed. */
const CONNECTION_LOST = new Set([
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  // the socket
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // PostgreSQL: shutdown, crash, idle session timeouts, connection failures
  "57P01",
  "57P02",
  "57P03",
  "57P05",
  "25P03",
  "08000",
  "08003",
  "08006",
]);

export function isConnectionLost(error: unknown): boolean {
  const candidate = error as { code?: unknown; severity?: unknown } | null;
  if (candidate?.severity === "FATAL" || candidate?.severity === "PANIC") return true;
  return typeof candidate?.code === "string" && CONNECTION_LOST.has(candidate.code);
}

interface TransactionState {
  lost: boolean;
  /** Rejects the transaction's promise (the first call wins). */
  fail: (error: unknown) => void;
}

const never = <T>(): Promise<T> => new Promise<T>(() => {});

/**
 * Settles as `work` does, unless the transaction's connection was lost by then: then never.
 * With `ownStatement`, `work` is one of the transaction's statements, so an error saying the
 * connection is gone marks the transaction lost and rejects it (and is not passed on to the
 * callback, which would answer it with a ROLLBACK on the dead connection).
 */
function unlessLost<T>(work: PromiseLike<T>, state: TransactionState, ownStatement = false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    work.then(
      (value) => {
        if (!state.lost) resolve(value);
      },
      (error: unknown) => {
        if (ownStatement && isConnectionLost(error)) {
          state.lost = true;
          state.fail(error);
        } else if (!state.lost) {
          reject(error);
        }
      },
    );
  });
}

type Query = PromiseLike<unknown> & Record<PropertyKey, unknown>;
type Then = Promise<unknown>["then"];

/** What a statement of a lost transaction is: it never settles, and nothing of it reaches the driver. */
function stalledQuery(): Query {
  const stalled: Query = new Proxy({} as Query, {
    get: (_target, property) => (property === "then" ? (...handlers: Parameters<Then>) => never<unknown>().then(...handlers) : () => stalled),
  });
  return stalled;
}

/**
 * A statement of the transaction (postgres.js sends a query when it is first awaited): not sent
 * at all once the connection is lost, and its outcome seen through unlessLost(). Everything
 * else (values(), writable() for COPY, ...) is the query's own.
 */
function guardedQuery(create: () => Query, state: TransactionState): Query {
  if (state.lost) return stalledQuery();
  const query = create();
  const guarded: Query = new Proxy(query, {
    get(target, property) {
      if (property === "then") return (...handlers: Parameters<Then>) => (state.lost ? never<unknown>() : unlessLost(target, state, true)).then(...handlers);
      if (property === "catch") return (onRejected: Parameters<Then>[1]) => guarded.then(undefined, onRejected);
      if (property === "finally") return (onFinally: () => void) => Promise.prototype.finally.call(Promise.resolve(guarded), onFinally);
      // Modifiers answer the query itself: keep answering the guarded one.
      if (property === "values" || property === "raw") {
        return (...args: unknown[]) => {
          (target[property] as (...rest: unknown[]) => unknown)(...args);
          return guarded;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...rest: unknown[]) => unknown).bind(target) : value;
    },
  });
  return guarded;
}

type Scope = postgres.TransactionSql<Record<string, unknown>>;
type Callback = (scope: Scope) => unknown;

function guardedScope(scope: Scope, state: TransactionState): Scope {
  return new Proxy(scope, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (...args: Parameters<Scope["unsafe"]>) => guardedQuery(() => target.unsafe(...args) as unknown as Query, state);
      }
      if (property === "savepoint") {
        return (...args: unknown[]) => {
          if (state.lost) return never();
          const callback = args.pop() as Callback;
          const inner = (innerScope: Scope) => unlessLost(new Promise((settle) => settle(callback(guardedScope(innerScope, state)))), state);
          return unlessLost((target.savepoint as (...rest: unknown[]) => Promise<unknown>)(...args, inner), state);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

export function guardTransactions<Client extends postgres.Sql<Record<string, unknown>>>(client: Client): Client {
  const begin = (...args: unknown[]): Promise<unknown> => {
    const callback = args.pop() as Callback;
    return new Promise((resolve, reject) => {
      const state: TransactionState = { lost: false, fail: reject };
      // The callback's outcome is what begin() answers with COMMIT or ROLLBACK: held back once the connection is gone.
      const run = (scope: Scope) => unlessLost(new Promise((settle) => settle(callback(guardedScope(scope, state)))), state);
      (client.begin as (...rest: unknown[]) => Promise<unknown>)(...args, run).then(resolve, (error: unknown) => {
        // Also when postgres.js noticed first (the connection closed between two statements).
        state.lost = true;
        reject(error);
      });
    });
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      return property === "begin" ? begin : (Reflect.get(target, property, receiver) as unknown);
    },
  });
}
