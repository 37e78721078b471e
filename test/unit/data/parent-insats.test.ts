// Sub-insatser (overordnad_insats): a report may split an insats into parts, as Luleå splits IFO's
// Bostad into Fyren, Krongyllen and Övergångslägenhet. A part counts in its parent and never twice in
// the area's total; a file that says otherwise stops with the file, line and column.
import { describe, expect, it } from 'vitest';
import { additiveGroupIndices } from '../../../src/data/checks.ts';
import { publish } from '../../../src/data/pipeline.ts';
import { DATASETS } from '../../../src/data/schema.ts';
import { csv, messages, readAll } from './helpers.ts';

const B = 'ej_verkstallda_beslut.csv';
const HEADER = 'period;enhetskod;enhetsnamn;lag;verksamhet;insats;overordnad_insats;kon;status;antal';
/** An IFO row of Luleå, 2025-Q4. */
const row = (insats: string, parent: string, antal: string, o: { kon?: string; status?: string; period?: string; verksamhet?: string } = {}) =>
  [o.period ?? '2025-Q4', '2580', 'Luleå', 'SoL', o.verksamhet ?? 'IFO', insats, parent, o.kon ?? 'totalt', o.status ?? 'totalt', antal].join(';');
const read = (...lines: string[]) => readAll({ [B]: csv(HEADER, ...lines) });

describe('a split that adds up', () => {
  // IFO 24 = Bostad 12 + Kontaktperson 12; Bostad 12 = Fyren 2 + Krongyllen 1 + Övergångslägenhet 9.
  const lines = [
    row('totalt', '', '24'), // line 2
    row('Bostad', '', '12'), // 3
    row('Bostad/Fyren', 'Bostad', '2'), // 4
    row('Bostad/Krongyllen', 'Bostad', '1'), // 5
    row('Bostad/Övergångslägenhet', 'Bostad', '9'), // 6
    row('Kontaktperson', '', '12'), // 7
  ];

  it('is read, with each row\'s parent', () => {
    const r = read(...lines);
    expect(messages(r.errors)).toEqual([]);
    expect(r.tables.ej_verkstallda_beslut?.map((x) => [x.insats, x.overordnad_insats])).toEqual([
      ['totalt', ''], ['Bostad', ''], ['Bostad/Fyren', 'Bostad'], ['Bostad/Krongyllen', 'Bostad'],
      ['Bostad/Övergångslägenhet', 'Bostad'], ['Kontaktperson', ''],
    ]);
  });

  it('counts a sub-insats once: the area total is the sum of the top-level insatser (12 + 12), not 36', () => {
    const r = read(...lines);
    const rows = r.tables.ej_verkstallda_beslut ?? [];
    const spec = DATASETS.ej_verkstallda_beslut;
    const groups = (spec.additive ?? []).filter((dim) => dim.column === 'insats').flatMap((dim) => additiveGroupIndices(spec, rows, dim).map((g) => ({ dim, g })));
    const named = groups.map(({ dim, g }) => ({
      by: 'parent' in dim ? `${dim.parent}` : `${dim.column}=${dim.total}`,
      total: g.total === null ? null : rows[g.total].insats,
      parts: g.parts.map((i) => rows[i].insats),
    }));
    expect(named).toEqual([
      { by: 'insats=totalt', total: 'totalt', parts: ['Bostad', 'Kontaktperson'] },
      { by: 'overordnad_insats', total: 'Bostad', parts: ['Bostad/Fyren', 'Bostad/Krongyllen', 'Bostad/Övergångslägenhet'] },
    ]);
  });

  it('the same rows without overordnad_insats count Bostad twice: 24 < 12 + 2 + 1 + 9 + 12 = 36', () => {
    const flat = lines.map((l) => l.replace(';Bostad;totalt;totalt;', ';;totalt;totalt;'));
    expect(messages(read(...flat).errors)).toEqual([
      `FEL: ${B}, rad 2, kolumn (antal): "24" är mindre än summan 36 av delarna efter insats (rad 3, 4, 5, 6, 7).\n` +
        `  ERROR: ${B}, line 2, column (antal): "24" is smaller than the sum 36 of its parts by insats (lines 3, 4, 5, 6, 7).`,
    ]);
  });

  it('a parent whose figure is unknown (..) takes parts without a check', () => {
    const r = read(row('Bostad', '', '..', { period: '2025-Q3' }), row('Bostad/Fyren', 'Bostad', '1', { period: '2025-Q3' }));
    expect(messages(r.errors)).toEqual([]);
  });

  it('without the column every insats counts directly in the total, as before', () => {
    const r = readAll({ [B]: csv('period;enhetskod;lag;verksamhet;insats;antal', '2025-Q4;2580;SoL;IFO;totalt;10', '2025-Q4;2580;SoL;IFO;Bostad;6', '2025-Q4;2580;SoL;IFO;Kontaktperson;5') });
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 2, kolumn (antal): "10" är mindre än summan 11 av delarna efter insats (rad 3, 4).\n` +
        `  ERROR: ${B}, line 2, column (antal): "10" is smaller than the sum 11 of its parts by insats (lines 3, 4).`,
    ]);
  });
});

describe('a bad split stops the build with file, line and column', () => {
  it('a sub-insats larger than its parent', () => {
    const r = read(row('Bostad', '', '12'), row('Bostad/Fyren', 'Bostad', '13'));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 3, kolumn (antal): "13" är större än 12 för Bostad på ${B} rad 2, som raden ingår i (overordnad_insats=Bostad). En del kan inte vara större än det den ingår i.\n` +
        `  ERROR: ${B}, line 3, column (antal): "13" is larger than 12 for Bostad at ${B} line 2, which the row is part of (overordnad_insats=Bostad). A part cannot be larger than what it is part of.`,
    ]);
  });

  it('sub-insatser adding up to more than their parent', () => {
    const r = read(row('Bostad', '', '12'), row('Bostad/Fyren', 'Bostad', '2'), row('Bostad/Krongyllen', 'Bostad', '2'), row('Bostad/Övergångslägenhet', 'Bostad', '9'));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 2, kolumn (antal): "12" är mindre än summan 13 av delarna med overordnad_insats=Bostad (rad 3, 4, 5). En del räknas i det den ingår i, så delarna kan inte vara fler.\n` +
        `  ERROR: ${B}, line 2, column (antal): "12" is smaller than the sum 13 of the parts with overordnad_insats=Bostad (lines 3, 4, 5). A part is counted in what it is part of, so the parts cannot be more.`,
    ]);
  });

  it('a sub-insats whose parent is not there for the same period, unit, law, area, sex and status', () => {
    // Bostad exists, but for 2025-Q3 and for kvinnor only: neither is the parent of 2025-Q4, totalt.
    const r = read(row('Bostad', '', '12', { period: '2025-Q3' }), row('Bostad', '', '4', { kon: 'kvinnor' }), row('Bostad/Fyren', 'Bostad', '2'));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 4, kolumn (overordnad_insats): "Bostad" finns inte som insats med samma period, enhet, lag, verksamhet, kön och status (period=2025-Q4, enhetskod=2580, lag=SoL, verksamhet=IFO, kon=totalt, status=totalt). En delinsats räknas i sin överordnade insats, så den insatsen behöver en egen rad; är talet okänt, skriv .. i antal.\n` +
        `  ERROR: ${B}, line 4, column (overordnad_insats): "Bostad" is not an insats with the same period, unit, law, area, sex and status (period=2025-Q4, enhetskod=2580, lag=SoL, verksamhet=IFO, kon=totalt, status=totalt). A sub-insats is counted in its parent insats, so that insats needs a row of its own; if its figure is unknown, write .. as antal.`,
    ]);
  });

  it('a parent in another area is not the parent', () => {
    const r = read(row('Bostad', '', '12', { verksamhet: 'OF' }), row('Bostad/Fyren', 'Bostad', '2'));
    expect(r.errors.map((e) => [e.line, e.column, e.value])).toEqual([[3, 'overordnad_insats', 'Bostad']]);
  });

  it('a parent that is itself a sub-insats (one level only)', () => {
    const r = read(row('Bostad', '', '12'), row('Bostad/Fyren', 'Bostad', '2'), row('Bostad/Fyren/Rum 1', 'Bostad/Fyren', '1'));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 4, kolumn (overordnad_insats): "Bostad/Fyren" är själv en delinsats av "Bostad" (${B} rad 3). Bara en nivå av delinsatser: ange insatsen som räknas direkt i verksamhetens total.\n` +
        `  ERROR: ${B}, line 4, column (overordnad_insats): "Bostad/Fyren" is itself a sub-insats of "Bostad" (${B} line 3). Only one level of sub-insatser: name the insats counted directly in the total of its area.`,
    ]);
  });

  it('totalt is no parent, has none, and no insats is its own parent', () => {
    const r = read(row('totalt', '', '20'), row('Bostad', 'totalt', '12'), row('totalt', 'Bostad', '20', { kon: 'kvinnor' }), row('Kontaktperson', 'Kontaktperson', '5'));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 3, kolumn (overordnad_insats): "totalt" är ingen insats att ingå i. Lämna overordnad_insats tom för en insats som räknas direkt i verksamhetens total.\n` +
        `  ERROR: ${B}, line 3, column (overordnad_insats): "totalt" is not an insats to be part of. Leave overordnad_insats empty for an insats counted directly in the total of its area.`,
      `FEL: ${B}, rad 4, kolumn (overordnad_insats): "Bostad" hör inte till totalen för alla insatser (insats totalt). Lämna overordnad_insats tom på den raden.\n` +
        `  ERROR: ${B}, line 4, column (overordnad_insats): "Bostad" does not belong on the total of all insatser (insats totalt). Leave overordnad_insats empty on that row.`,
      `FEL: ${B}, rad 5, kolumn (overordnad_insats): "Kontaktperson" är samma som insatsen på raden: en insats kan inte ingå i sig själv.\n` +
        `  ERROR: ${B}, line 5, column (overordnad_insats): "Kontaktperson" is the insats of the row itself: an insats cannot be part of itself.`,
    ]);
  });

  it('an insats with a parent on one row and none on another of the same quarter', () => {
    const r = read(row('Bostad', '', '12'), row('Bostad', '', '4', { kon: 'kvinnor' }), row('Bostad/Fyren', 'Bostad', '2'), row('Bostad/Fyren', '', '1', { kon: 'kvinnor' }));
    expect(messages(r.errors)).toEqual([
      `FEL: ${B}, rad 5, kolumn (overordnad_insats): skiljer sig från ${B} rad 4, där insatsen Bostad/Fyren ingår i "Bostad", för samma period, enhet, lag och verksamhet. En insats har samma överordnade insats på alla sina rader (varje kön och status).\n` +
        `  ERROR: ${B}, line 5, column (overordnad_insats): differs from ${B} line 4, where the insats Bostad/Fyren is part of "Bostad", for the same period, unit, law and area. An insats has the same parent on all its rows (every sex and status).`,
    ]);
  });

  it('the same check as check-data and the build: the errors are the pipeline\'s', () => {
    // readDataFiles is what check-data and the build run (test/unit/data/build-agree.test.ts).
    const r = read(row('Bostad/Fyren', 'Bostad', '2'));
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]).toMatchObject({ file: B, line: 2, column: 'overordnad_insats', value: 'Bostad', severity: 'error' });
  });
});

describe('anonymisation of a split', () => {
  it('a lone hidden sub-insats is not left to be worked out from its parent', () => {
    // Fyren 2 is below the threshold; Bostad 12 − Krongyllen 5 − Övergångslägenhet 5 would give it back.
    const r = read(row('totalt', '', '20'), row('Bostad', '', '12'), row('Bostad/Fyren', 'Bostad', '2'), row('Bostad/Krongyllen', 'Bostad', '5'),
      row('Bostad/Övergångslägenhet', 'Bostad', '5'), row('Kontaktperson', '', '8'));
    expect(messages(r.errors)).toEqual([]);
    const published = publish(r.tables, 4).tables.ej_verkstallda_beslut ?? [];
    const split = published.filter((x) => x.insats === 'Bostad' || x.overordnad_insats === 'Bostad');
    const hidden = split.filter((x) => x.markering === 'sekretess').map((x) => x.insats);
    expect(hidden).toContain('Bostad/Fyren');
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(published.find((x) => x.insats === 'Bostad/Fyren')?.antal).toBeNull();
  });
});
