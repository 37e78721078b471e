// The published data files, built from the bundled data/, read back by the same engine the browser
// runs (duckdb-wasm, here through its Node build): proof that the storage version and block size are
// ones the browser reads, that no extension is needed, and that nothing below the threshold is in them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../scripts/lib/manifest.ts';
import { openBundledDataInWasm } from '../helpers/wasm-fixture.ts';

type Conn = { query: (sql: string) => { toArray: () => { toJSON: () => Record<string, unknown> }[] } };
let conn: Conn;
let manifest: Manifest;
const rows = (sql: string) => conn.query(sql).toArray().map((r) => {
  const o = r.toJSON();
  for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
  return o;
});

beforeAll(async () => {
  const opened = await openBundledDataInWasm<Conn>('socialstatistik-wasm-');
  expect(opened.errors).toEqual([]);
  ({ conn, manifest } = opened);
}, 60_000);

describe('published data in duckdb-wasm', () => {
  it('has every dataset by its bare name with the row count of the manifest', () => {
    for (const d of manifest.datasets) {
      expect(rows(`SELECT count(*) AS n FROM ${d.name}`)[0].n, d.name).toBe(d.rows);
    }
  });

  it('gives the documents’ SoL totals for Luleå 2025: 83, 109, 111', () => {
    const result = rows(`SELECT period, antal FROM ej_verkstallda_beslut
      WHERE enhetskod = '2580' AND lag = 'SoL' AND verksamhet = 'totalt' AND insats = 'totalt' AND kon = 'totalt' AND status = 'totalt'
      ORDER BY period`);
    expect(result).toEqual([
      { period: '2025-Q2', antal: 83 },
      { period: '2025-Q3', antal: 109 },
      { period: '2025-Q4', antal: 111 },
    ]);
  });

  it('holds no count from 1 to 3 anywhere, and hidden cells as NULL with markering sekretess', () => {
    for (const t of ['placeringar', 'ej_verkstallda_beslut']) {
      expect(rows(`SELECT count(*) AS n FROM ${t} WHERE antal BETWEEN 1 AND 3`)[0].n, t).toBe(0);
      expect(rows(`SELECT count(*) AS n FROM ${t} WHERE antal IS NULL AND markering IS NULL`)[0].n, t).toBe(0);
    }
    // Stockholm 2020, Östermalm: §12-hem and HVB were `*` in the report itself.
    expect(rows(`SELECT placeringsform, antal, markering FROM placeringar WHERE enhetsnamn = 'Östermalm' AND placeringsform IN ('sis', 'hvb', 'jourhem') ORDER BY placeringsform`))
      .toEqual([
        { placeringsform: 'hvb', antal: null, markering: 'sekretess' },
        { placeringsform: 'jourhem', antal: 13, markering: null },
        { placeringsform: 'sis', antal: null, markering: 'sekretess' },
      ]);
  });

  it('answers the derived view of the network-home share from inside the data file', () => {
    const [r] = rows(`SELECT count(*) AS n, count(andel) AS with_share FROM natverkshemsandel_beraknad WHERE enhetskod = '9999'`);
    expect(r.n).toBe(40);
    expect(r.with_share).toBe(40);
  });

  it('refuses writes to the published tables', () => {
    expect(() => conn.query(`DELETE FROM placeringar`)).toThrow(/read-only|read only/i);
    expect(() => conn.query(`DROP TABLE ej_verkstallda_beslut`)).toThrow();
  });
});
