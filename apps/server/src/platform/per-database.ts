/**
 * One value per database handle (a batcher, a cache), made on first use and dropped with the
 * handle. Tests open many databases in one process; each gets its own.
 */
export function perDatabase<Db extends object, Value>(create: (db: Db) => Value): (db: Db) => Value {
  const made = new WeakMap<Db, Value>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = create(db)));
    return value;
  };
}
