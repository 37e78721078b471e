// The network-home share: children placed in nätverkshem of all placed in any kind of familjehem
// (familjehem + jourhem + nätverkshem), the definition of Socialstyrelsen and Göteborgsregionen.
// Computed from counts in `placeringar`; a reported share (`natverkshemsandel`) is shown as reported.
import { allChildren, familyHomeFormsSql, PLACEMENTS } from './contract.ts';
import { literal, sql } from './sql.ts';

const network = literal(PLACEMENTS.networkForm);
const allForms = literal(PLACEMENTS.familyHomeForms.length);

/**
 * One row per period, unit and measure: the counts behind the share and the share in percent.
 * If any of the three counts is hidden or missing, the sum and the share are NULL too (a published
 * sum or share would let a reader recover the hidden count by subtraction), and `markering` says why.
 * Stored as a view, so the contract's facts are literals here (a view takes no parameters).
 */
export const NETWORK_SHARE_SQL: string = sql`
SELECT
  period,
  enhetskod,
  any_value(enhetsnamn) AS enhetsnamn,
  avser,
  max(antal) FILTER (WHERE placeringsform = ${network}) AS natverkshem,
  CASE WHEN count(antal) = ${allForms} THEN CAST(sum(antal) AS INTEGER) END AS familjehem_alla,
  CASE WHEN count(antal) = ${allForms} AND sum(antal) > 0
       THEN round(100.0 * max(antal) FILTER (WHERE placeringsform = ${network}) / sum(antal), 1) END AS andel,
  CASE
    WHEN count(antal) = ${allForms} AND sum(antal) > 0 THEN NULL
    WHEN bool_or(markering = 'sekretess') THEN 'sekretess'
    WHEN count(antal) = ${allForms} THEN 'inget_att_redovisa'
    ELSE 'saknas'
  END AS markering
FROM placeringar
WHERE ${allChildren()} AND placeringsform IN (${familyHomeFormsSql})
GROUP BY period, enhetskod, avser`.sql;

/** The view analysts query by name: `natverkshemsandel_beraknad`. */
export const NETWORK_SHARE_VIEW = 'natverkshemsandel_beraknad';
