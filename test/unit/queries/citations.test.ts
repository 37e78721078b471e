// Which published rows cite which source (src/queries/citations.ts, the page "Om statistiken").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citations, citationsSql, citingDatasets } from '../../../src/queries/citations.ts';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';

let runner: NodeRunner;

beforeAll(async () => {
  const { dir } = await publishFixture({
    'kallor.csv': 'kalla;titel;pahittad\nrapport;En rapport;nej\ndemo;Påhittat;ja',
    'enheter.csv': 'enhetskod;enhetsnamn;niva;overordnad\n2580;Luleå;kommun;\n0184;Solna;kommun;\n9999;Exempelstad;kommun;',
    'ej_verkstallda_beslut.csv': [
      'period;enhetskod;enhetsnamn;lag;verksamhet;insats;kon;status;antal;kalla',
      '2025-Q3;2580;;SoL;totalt;totalt;totalt;totalt;20;rapport',
      '2025-Q4;2580;;SoL;totalt;totalt;totalt;totalt;25;rapport',
      '2022-Q3;0184;;SoL;totalt;totalt;totalt;totalt;0;rapport',
      '2025-Q4;9999;;SoL;totalt;totalt;totalt;totalt;30;demo',
      '2025-Q4;9999;;LSS;;totalt;totalt;totalt;12;',
    ].join('\n'),
    'handelser.csv': 'datum;enhetskod;rubrik;kalla\n2025-07-01;;Ny lag;rapport\n2019-09-01;9999;Start;demo',
  });
  runner = await NodeRunner.open(dir);
});

afterAll(() => runner?.close());

describe('citations', () => {
  it('covers the published datasets that have a kalla column, in the contract\'s order', () => {
    expect(citingDatasets(['kallor', 'handelser', 'enheter', 'ej_verkstallda_beslut'])).toEqual(['ej_verkstallda_beslut', 'handelser']);
    expect(citationsSql([], true).sql).toBe('');
  });

  it('counts the rows, periods and units (named from enheter) that cite each source', async () => {
    expect(await citations(runner, runner.datasets)).toEqual([
      { dataset: 'ej_verkstallda_beslut', kalla: 'demo', rader: 1, forsta_period: '2025-Q4', sista_period: '2025-Q4', enheter: ['Exempelstad'] },
      // Swedish order: Luleå before Solna; a row without a source (the LSS row) cites nothing.
      { dataset: 'ej_verkstallda_beslut', kalla: 'rapport', rader: 3, forsta_period: '2022-Q3', sista_period: '2025-Q4', enheter: ['Luleå', 'Solna'] },
      { dataset: 'handelser', kalla: 'demo', rader: 1, forsta_period: null, sista_period: null, enheter: ['Exempelstad'] },
      // An event for every unit names none.
      { dataset: 'handelser', kalla: 'rapport', rader: 1, forsta_period: null, sista_period: null, enheter: [] },
    ]);
  });
});
