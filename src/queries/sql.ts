// SQL as composable tagged templates with bound parameters, after Observable Framework's `sql` tag
// (the template's strings joined with `?`, the values passed as parameters) with nesting added:
//
//   const where = sql`enhetskod = ${unit} AND period BETWEEN ${from} AND ${to}`;
//   const query = sql`SELECT period, antal FROM ${ident('placeringar')} WHERE ${where} ORDER BY period`;
//   runner.run(query.sql, query.params)   // "… WHERE enhetskod = ? AND period BETWEEN ? AND ? …", [unit, from, to]
//
// A value interpolated into a template is always a bound parameter. The only other things a template takes
// are fragments made by this module: another `sql` template (nested, its parameters kept in order), `join`
// of fragments, `list` of values (`?, ?, ?` for IN), `ident` (an identifier through the one quoting function)
// and `literal` (a constant of the data contract, for the stored views that cannot take parameters; see
// ./contract.ts). Optional parts are chosen outside the template (`const join = withUnits ? … : empty`),
// never written as a condition inside it.
//
// Why our own ~70 lines rather than the npm `sql-template-tag`: its `raw()` pastes any string into the SQL,
// which is exactly the string surgery this replaces; here text gets in only as a quoted identifier or a
// quoted literal. And the object keeps the shape `{ sql, params }` that the Runner interface
// (`run(sql, params)`) and the benchmark's recorded statements already use.

/** A value DuckDB binds to a `?` (both runners: Node and duckdb-wasm). */
export type Param = string | number | boolean | null;

/** One statement or fragment: its text with `?` placeholders and the parameters in their order. */
export class Sql {
  readonly sql: string;
  readonly params: Param[];

  constructor(sql: string, params: Param[]) {
    this.sql = sql;
    this.params = params;
  }

  toString(): string {
    return this.sql;
  }
}

/** A statement with its bound parameters, as every query function returns it. */
export type Query = Sql;

export type SqlValue = Sql | Param | undefined;

export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  let text = strings[0];
  const params: Param[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value ?? null);
    }
    text += strings[i + 1];
  });
  return new Sql(text, params);
}

/** Nothing: the fragment for an optional part that is left out. */
export const empty = new Sql('', []);

/** Fragments joined by a separator (", ", " AND ", "\nUNION ALL\n"). */
export function join(parts: readonly Sql[], separator = ', '): Sql {
  return new Sql(
    parts.map((p) => p.sql).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/** Values as a parameter list for IN: `?, ?, ?`. */
export function list(values: readonly Param[]): Sql {
  return new Sql(values.map(() => '?').join(', '), [...values]);
}

/** The one identifier quoter: a table or column name as SQL ("pub_placeringar", "a ""b"""). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** An identifier as a fragment. Names come from the data contract or the engine's own catalog. */
export function ident(...path: string[]): Sql {
  return new Sql(path.map(quoteIdent).join('.'), []);
}

/**
 * A column reference written by the code itself ("t.kon", "period"): left unquoted so the statements read
 * as written; anything but a plain lower-case name is refused.
 */
export function ref(name: string): Sql {
  if (!/^[a-z_]+(?:\.[a-z_]+)?$/.test(name)) throw new Error(`not a column reference: ${name}`);
  return new Sql(name, []);
}

/** A SQL string literal: for statements that take no parameters (ATTACH, a stored view's definition). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A constant as literal SQL text (a string quoted, a number as written). Only the contract's facts. */
export function literal(value: string | number | boolean): Sql {
  return new Sql(typeof value === 'string' ? quoteLiteral(value) : String(value), []);
}
