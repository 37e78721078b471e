// What the overview needs from ej_verkstallda_beslut (favourable decisions not executed within three
// months) besides the topic page's own queries in src/queries/decisions.ts (whose `totalsQuery` gives the
// overview its SoL and LSS totals): the sources of a unit's totals. (The units with decision figures are
// a stored catalog: unit-catalogs.ts.)

import type { Query } from './dashboard-common.ts';

/** The sources of a unit's decision totals (the keys in kallor). */
export function decisionSourcesQuery(unit: string): Query {
  return {
    sql: `SELECT DISTINCT kalla FROM ej_verkstallda_beslut
WHERE enhetskod = ? AND insats = 'totalt' AND kon = 'totalt' AND status = 'totalt' AND kalla IS NOT NULL
ORDER BY kalla`,
    params: [unit],
  };
}
