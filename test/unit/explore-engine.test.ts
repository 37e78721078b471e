// The SQL page against the engine the browser runs (duckdb-wasm, its Node build, over the bundled data as the
// build publishes it): DuckDB's errors placed in the query, the table list read from DuckDB itself with the
// contract's descriptions, and an own CSV inserted as Arrow and joined with a published table.

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../scripts/lib/manifest.ts';
import { convertCsv, scanCsv } from '../../src/client/explore/csv-import.ts';
import { EXAMPLES } from '../../src/client/explore/examples.ts';
import { readSchema, shadowing } from '../../src/client/explore/schema.ts';
import { parseDuckDbError } from '../../src/client/explore/sql-error.ts';
import { DATASETS, publishedColumns } from '../../src/data/schema.ts';
import type { Row, Runner } from '../../src/queries/runner.ts';
import { DERIVED_VIEWS } from '../../src/queries/views.ts';
import { exploreWords } from '../../src/i18n/explore.ts';
import { CATALOG_COLUMNS, UNIT_CATALOGS } from '../../src/queries/unit-catalogs.ts';
import { checkTableName } from '../../src/client/explore/names.ts';

import { openBundledDataInWasm } from './helpers/wasm-fixture.ts';

interface ArrowLike {
  toArray(): { toJSON(): Record<string, unknown> }[];
}
interface Conn {
  query(sql: string): ArrowLike;
  send(sql: string): Promise<AsyncIterable<unknown>>;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; schema?: string; create?: boolean }): void;
}
let conn: Conn;
let manifest: Manifest;
let dir = '';

const plain = (t: ArrowLike) =>
  t.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
const runner: Runner = {
  async run<T = Row>(sql: string) {
    return plain(conn.query(sql)) as T[];
  },
};

/** The error duckdb-wasm gives for `sql` sent as the page sends it (a pending, streamed query). */
async function errorOf(sql: string): Promise<unknown> {
  try {
    for await (const _ of await conn.send(sql)) {
      /* drain */
    }
  } catch (error) {
    return error;
  }
  throw new Error(`no error for ${sql}`);
}

beforeAll(async () => {
  ({ conn, manifest, dir } = await openBundledDataInWasm<Conn>('socialstatistik-explore-'));
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("DuckDB's errors, placed in the query", () => {
  const place = async (sql: string) => {
    const e = parseDuckDbError(await errorOf(sql), sql);
    return { at: e.offset === null ? null : sql.slice(e.offset, e.offset + 12), line: e.line, column: e.column, summary: e.summary };
  };

  it('a parser error (JSON with a position)', async () => {
    expect(await place('SELECT *\nFRM placeringar')).toEqual({
      at: 'placeringar',
      line: 2,
      column: 5,
      summary: 'Parser Error: syntax error at or near "placeringar"',
    });
  });

  it('a binder error (text with LINE and a caret), after Swedish letters and in a later statement', async () => {
    expect(await place("SELECT 1;\nSELECT 'åäö' AS x, foo FROM placeringar")).toMatchObject({ at: 'foo FROM pla', line: 2, column: 20 });
    expect(await place('SELECT 1;   SELECT foo FROM placeringar')).toMatchObject({ at: 'foo FROM pla', line: 1, column: 20 });
    expect(await place("SELECT 'ä';\n-- två\nSELECT 'ö', x,\n  foo\nFROM placeringar")).toMatchObject({ at: 'x,\n  foo\nFRO', line: 3, column: 13 });
    // When the whole query's offset lies beyond the failing statement's own text, DuckDB draws no LINE block:
    // the message is shown without a place rather than with a wrong one.
    expect(await place("SELECT 1;\nSELECT 2 FROM placeringar;\nSELECT 'ää', foo\nFROM placeringar")).toMatchObject({ at: null, line: null });
  });

  it('a long line DuckDB shortens with "..."', async () => {
    const sql = `SELECT '${'a'.repeat(150)}', okänd_kolumn FROM placeringar`;
    expect(await place(sql)).toMatchObject({ at: 'okänd_kolumn', line: 1, column: 162 });
  });

  it('at the end of the input, and an error with no place', async () => {
    expect(await place('SELECT 1 +')).toMatchObject({ at: '', line: 1, column: 11, summary: 'Parser Error: syntax error at end of input' });
    expect(await place("SELECT CAST('x' AS INTEGER)")).toMatchObject({ at: "CAST('x' AS ", summary: "Conversion Error: Could not convert string 'x' to INT32" });
    expect(await place('DELETE FROM placeringar')).toMatchObject({ at: null, line: null });
  });

  it('a cancelled query is told apart from a wrong one', () => {
    expect(parseDuckDbError(new Error('query was canceled'), 'SELECT 1').cancelled).toBe(true);
    expect(parseDuckDbError(new Error('Binder Error: x'), 'SELECT 1').cancelled).toBe(false);
  });
});

describe('the table list, from DuckDB itself', () => {
  it('every published table and view with DuckDB\'s types and row counts, and the contract\'s words', async () => {
    const objects = await readSchema(runner);
    const published = objects.filter((o) => o.published);
    for (const d of manifest.datasets) {
      const o = published.find((x) => x.qualified === `pub_${d.name}.${d.name}`);
      expect(o, d.name).toBeDefined();
      expect(o?.rows).toBe(d.rows);
      const spec = DATASETS[d.name as keyof typeof DATASETS];
      // A table with total rows beside their parts says so and names its tidy view (src/queries/views.ts).
      const tidy = DERIVED_VIEWS[d.name as keyof typeof DERIVED_VIEWS]?.find((v) => v.name === `${d.name}_delar`);
      expect(o?.description).toBe(tidy ? `${spec.description} ${exploreWords.schema.totalsNote(tidy.name)}` : spec.description);
      if (tidy) expect(published.find((x) => x.qualified === `pub_${d.name}.${tidy.name}`)).toMatchObject({ kind: 'view', description: tidy.description });
      expect(o?.columns.map((c) => [c.name, c.type, c.description])).toEqual(
        publishedColumns(spec).map((c) => [c.name, c.sqlType, c.description]),
      );
    }
    const view = published.find((o) => o.name === 'natverkshemsandel_beraknad');
    expect(view).toMatchObject({ kind: 'view', qualified: 'pub_placeringar.natverkshemsandel_beraknad', description: DERIVED_VIEWS.placeringar?.[0].description });
    expect(view?.columns.every((c) => c.description)).toBe(true);
    // The stored unit catalogs, described, after the table of the file that holds them.
    const names = published.map((o) => o.qualified);
    for (const c of Object.values(UNIT_CATALOGS)) {
      const o = published.find((x) => x.name === c.table);
      expect(o, c.table).toMatchObject({ kind: 'table', description: c.description });
      expect(o?.columns.map((col) => col.name)).toEqual(CATALOG_COLUMNS);
      expect(o?.columns.every((col) => col.description)).toBe(true);
      expect(o?.rows).toBeGreaterThan(0);
      const host = o!.qualified.split('.')[0];
      expect(names.indexOf(o!.qualified)).toBeGreaterThan(names.indexOf(`${host}.${host.slice(4)}`));
    }
    expect(checkTableName('placeringar_enheter')).toBe('published');
  });

  it('own tables come after, and one named like a published table is reported', async () => {
    conn.query('CREATE TABLE placeringar AS SELECT 1 AS x');
    conn.query('CREATE TEMP TABLE tillfallig AS SELECT 2 AS y');
    try {
      const objects = await readSchema(runner, new Map([['placeringar', { description: 'Min', columns: { x: 'Ett x' } }]]));
      const own = objects.filter((o) => !o.published);
      expect(own.map((o) => [o.qualified, o.rows, o.description])).toEqual([
        ['placeringar', 1, 'Min'],
        ['temp.tillfallig', 1, null],
      ]);
      expect(own[0].columns).toEqual([{ name: 'x', type: 'INTEGER', description: 'Ett x' }]);
      expect(shadowing(objects)).toEqual([{ name: 'placeringar', qualified: 'pub_placeringar.placeringar' }]);
      // The examples name their tables fully, so they answer the same with the shadow in place.
      const example = EXAMPLES.find((e) => e.id === 'placeringar-per-kvartal')!;
      expect(plain(conn.query(example.sql)).length).toBeGreaterThan(100);
    } finally {
      conn.query('DROP TABLE placeringar');
      conn.query('DROP TABLE temp.tillfallig');
    }
  });
});

describe('an own CSV in the engine', () => {
  it('is inserted batch by batch as Arrow and joins with a published table on code and period', () => {
    // An empty cost is a plain NULL (the column has no markers); the count's "*" is a marker.
    const text = 'Period;Enhetskod;Kostnad (kr);Antal\n2016K1;9999;1 234,5;*\n2016-Q2;9999;99;12\n2016-Q3;9999;;7\n';
    const scanned = scanCsv(text);
    expect(scanned.ok).toBe(true);
    if (!scanned.ok) return;
    let create = true;
    convertCsv(text, scanned.plan, 2, (batch) => {
      conn.insertArrowFromIPCStream(batch.toIpc(), { name: 'egna_kostnader', schema: 'main', create });
      create = false;
    });
    expect(plain(conn.query('DESCRIBE egna_kostnader')).map((r) => [r.column_name, r.column_type])).toEqual([
      ['period', 'VARCHAR'],
      ['enhetskod', 'VARCHAR'],
      ['kostnad_kr', 'DOUBLE'],
      ['antal', 'INTEGER'],
      ['markering', 'VARCHAR'],
    ]);
    const joined = plain(
      conn.query(`SELECT k.period, k.kostnad_kr, k.antal, k.markering, p.antal AS placerade
        FROM egna_kostnader k JOIN placeringar p USING (period, enhetskod)
        WHERE p.placeringsform = 'totalt' AND p.kon = 'totalt' AND p.aldersgrupp = '0-20' AND p.avser = 'vid_periodens_slut'
        ORDER BY k.period`),
    );
    const published = plain(
      conn.query(`SELECT period, antal FROM placeringar WHERE enhetskod = '9999' AND period IN ('2016-Q1', '2016-Q2', '2016-Q3')
        AND placeringsform = 'totalt' AND kon = 'totalt' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut' ORDER BY period`),
    );
    expect(joined).toEqual([
      { period: '2016-Q1', kostnad_kr: 1234.5, antal: null, markering: 'sekretess', placerade: published[0].antal },
      { period: '2016-Q2', kostnad_kr: 99, antal: 12, markering: null, placerade: published[1].antal },
      { period: '2016-Q3', kostnad_kr: null, antal: 7, markering: null, placerade: published[2].antal },
    ]);
    conn.query('DROP TABLE egna_kostnader');
  });
});
