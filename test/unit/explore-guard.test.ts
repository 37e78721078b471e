// The SQL page's rules for what an analyst's text may do to published names, and what a failed query
// says: a published table's name is never taken by an own object (name-guard.ts), a missing table is
// named (a shared link's own file), the editor opens with a real query, and an own file holding personal
// numbers is noticed (csv-import.ts scanCsv).

import { describe, expect, test } from 'vitest';
import { scanCsv } from '../../src/client/explore/csv-import.ts';
import { defaultQuery } from '../../src/client/explore/examples.ts';
import { claimedPublishedName } from '../../src/client/explore/name-guard.ts';
import { missingTable } from '../../src/client/explore/results.ts';
import { hasCode } from '../../src/client/explore/sql-tokens.ts';

const PUBLISHED = new Set(['placeringar', 'natverkshemsandel_beraknad', 'ej_verkstallda_beslut']);

describe('a published name is never taken by an own table or view', () => {
  test.each([
    ['CREATE OR REPLACE TABLE placeringar AS SELECT *, antal * 10 AS antal FROM pub_placeringar.placeringar', 'placeringar'],
    ['create table Placeringar (x int)', 'placeringar'],
    ['CREATE TEMP TABLE placeringar AS SELECT 1', 'placeringar'],
    ['CREATE TEMPORARY VIEW IF NOT EXISTS "placeringar" AS SELECT 1', 'placeringar'],
    ['CREATE VIEW memory.main.natverkshemsandel_beraknad AS SELECT 1', 'natverkshemsandel_beraknad'],
    ['SELECT 1; /* ok */ CREATE OR REPLACE VIEW ej_verkstallda_beslut AS SELECT 2', 'ej_verkstallda_beslut'],
    ['CREATE TABLE x AS SELECT 1; ALTER TABLE x RENAME TO placeringar', 'placeringar'],
  ])('%s → refused as %s', (sql, name) => {
    const claim = claimedPublishedName(sql, PUBLISHED);
    expect(claim?.name).toBe(name);
    expect(sql.slice(claim!.offset).toLowerCase().replace(/^"/, '')).toMatch(new RegExp(`^${name}`));
  });

  test.each([
    'SELECT * FROM placeringar',
    'CREATE TABLE placeringar_egen AS SELECT * FROM placeringar',
    "SELECT 'CREATE TABLE placeringar' AS text",
    '-- CREATE TABLE placeringar\nSELECT 1',
    'CREATE TABLE mina AS SELECT * FROM placeringar',
    'ALTER TABLE mina RENAME COLUMN a TO placeringar',
    'CREATE MACRO placeringar_x(a) AS a + 1',
  ])('%s → allowed', (sql) => {
    expect(claimedPublishedName(sql, PUBLISHED)).toBeNull();
  });
});

describe('what a failed query says', () => {
  test('a table that is not here is named, from DuckDB\'s catalog error', () => {
    expect(missingTable('Catalog Error: Table with name mina_kostnader does not exist!\nDid you mean "pg_namespace"?\n\nLINE 1: SELECT * FROM mina_kostnader')).toBe('mina_kostnader');
    expect(missingTable('Catalog Error: Table with name "Mina ""data""" does not exist!')).toBe('Mina "data"');
    expect(missingTable('Binder Error: Referenced column "x" not found')).toBeNull();
  });

  test('the editor opens with a real query, not a placeholder that runs nothing', () => {
    const sql = defaultQuery(['placeringar', 'kallor']);
    expect(hasCode(sql)).toBe(true);
    expect(sql).toMatch(/FROM placeringar\b/);
    expect(defaultQuery(['ej_verkstallda_beslut'])).toBe('SELECT *\nFROM ej_verkstallda_beslut\nLIMIT 100;');
    expect(hasCode('-- bara en kommentar\n;')).toBe(false);
  });
});

describe('an own file with personal numbers', () => {
  test('valid numbers are counted with the first one\'s line and column; the file still reads', () => {
    const text = 'id;namn;antal\n19121212-1212;Kalle;3\n121212\u20131212;Lisa;4\n121212-1213;Olle;5\n';
    const scanned = scanCsv(text);
    expect(scanned.ok).toBe(true);
    if (!scanned.ok) return;
    // 121212-1213 fails the check digit: not a personal number.
    expect(scanned.plan.personalNumbers).toEqual({ total: 2, first: { line: 2, column: 'id' } });
  });

  test('a number in the header is found, and the column is named without its digits', () => {
    const scanned = scanCsv('121212-1212;antal\n1;2\n');
    expect(scanned.ok && scanned.plan.personalNumbers).toEqual({ total: 1, first: { line: 1, column: '••••••-••••' } });
  });

  test('a file without any has none', () => {
    const scanned = scanCsv('enhetskod;antal;period\n0180;1234567890;2025-Q1\n');
    expect(scanned.ok && scanned.plan.personalNumbers).toEqual({ total: 0, first: null });
  });
});

describe('the results: sorting and a column profile', async () => {
  const { profileColumn, sortOrder } = await import('../../src/client/explore/profile.ts');
  test('a sort keeps nulls last, compares numbers as numbers and text the Swedish way', () => {
    expect([...sortOrder([10, null, 2, 33], 'ascending')]).toEqual([2, 0, 3, 1]);
    expect([...sortOrder([10, null, 2, 33], 'descending')]).toEqual([3, 0, 2, 1]);
    expect([...sortOrder(['Örebro', 'Ale', 'Åre', 'Borås'], 'ascending')]).toEqual([1, 3, 2, 0]);
  });

  test('a profile counts values, distinct values and nulls, with min, max and a histogram', () => {
    const p = profileColumn([1, 2, 2, null, 3], 'number');
    expect({ count: p.count, nulls: p.nulls, distinct: p.distinct, min: p.min, max: p.max }).toEqual({ count: 5, nulls: 1, distinct: 3, min: 1, max: 3 });
    expect(p.bars).toEqual([{ label: '2', count: 2 }, { label: '1', count: 1 }, { label: '3', count: 1 }]);
    const many = profileColumn(Array.from({ length: 100 }, (_, i) => i), 'number');
    expect(many.bars).toHaveLength(10);
    expect(many.bars.reduce((n, b) => n + b.count, 0)).toBe(100);
    const text = profileColumn(['a', 'b', 'a', null], 'text');
    expect(text.bars[0]).toEqual({ label: 'a', count: 2 });
    expect([text.min, text.max, text.nulls]).toEqual(['a', 'b', 1]);
  });
});

describe('tidy views: the long tables without their total rows', async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { DATASETS } = await import('../../src/data/schema.ts');
  const { tidyView } = await import('../../src/queries/views.ts');
  test('sum(antal) over placeringar_delar counts each child once: 67, not 134', async () => {
    const view = tidyView(DATASETS.placeringar)!;
    expect(view.name).toBe('placeringar_delar');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE placeringar AS SELECT * FROM (VALUES
      ('2025-Q4', '0180', 'hvb', 'flickor', '13-17', 'vid_periodens_slut', 30),
      ('2025-Q4', '0180', 'hvb', 'pojkar', '13-17', 'vid_periodens_slut', 37),
      ('2025-Q4', '0180', 'hvb', 'totalt', '13-17', 'vid_periodens_slut', 67),
      ('2025-Q4', '0180', 'hvb', 'totalt', '0-20', 'vid_periodens_slut', 67),
      ('2025-Q4', '0180', 'totalt', 'totalt', '0-20', 'vid_periodens_slut', 67)
    ) t(period, enhetskod, placeringsform, kon, aldersgrupp, avser, antal)`);
    await db.run(`CREATE VIEW ${view.name} AS ${view.sql}`);
    const sum = async (from: string) => Number((await db.runAndReadAll(`SELECT sum(antal) AS n FROM ${from}`)).getRowObjectsJS()[0].n);
    expect(await sum('placeringar WHERE placeringsform = \'hvb\' AND aldersgrupp = \'13-17\'')).toBe(134);
    expect(await sum(view.name)).toBe(67);
    db.closeSync();
  });

  test('ej_verkstallda_beslut_delar keeps a parent insats and drops its sub-insatser and every total', () => {
    const view = tidyView(DATASETS.ej_verkstallda_beslut)!;
    expect(view.sql).toContain(`"status" IS DISTINCT FROM 'totalt'`);
    expect(view.sql).toContain(`coalesce("overordnad_insats", '') = ''`);
    expect(tidyView(DATASETS.natverkshemsandel)).toBeNull();
  });
});
