import type { Executor } from "../client";

/**
 * A statement built once per database (or transaction) and run with placeholders after: drizzle
 * then neither rebuilds its SQL text nor re-checks its parameters on each call, which for the reads
 * of every signed-in page (memberships, PIN letters, /access's list) was a large part of the
 * server's own time per request. Use `sql.placeholder(name)` for each value and `.prepare(name)`.
 */
export function preparedPerExecutor<Q>(
  build: (executor: Executor) => Q,
): (executor: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  return (executor) => {
    let query = built.get(executor);
    if (!query) {
      query = build(executor);
      built.set(executor, query);
    }
    return query;
  };
}
