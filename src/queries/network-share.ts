// The network-home share: children placed in nätverkshem of all placed in any kind of familjehem
// (familjehem + jourhem + nätverkshem), the definition of Socialstyrelsen and Göteborgsregionen.
// Computed from counts in `placeringar`; a reported share (`natverkshemsandel`) is shown as reported.
import { FAMILY_HOME_FORMS } from '../data/schema.ts';

const forms = FAMILY_HOME_FORMS.map((f) => `'${f}'`).join(', ');

/**
 * One row per period, unit and measure: the counts behind the share and the share in percent.
 * If any of the three counts is hidden or missing, the sum and the share are NULL too (a published
 * sum or share would let a reader recover the hidden count by subtraction), and `markering` says why.
 */
export const NETWORK_SHARE_SQL = `
SELECT
  period,
  enhetskod,
  any_value(enhetsnamn) AS enhetsnamn,
  avser,
  max(antal) FILTER (WHERE placeringsform = 'natverkshem') AS natverkshem,
  CASE WHEN count(antal) = ${FAMILY_HOME_FORMS.length} THEN CAST(sum(antal) AS INTEGER) END AS familjehem_alla,
  CASE WHEN count(antal) = ${FAMILY_HOME_FORMS.length} AND sum(antal) > 0
       THEN round(100.0 * max(antal) FILTER (WHERE placeringsform = 'natverkshem') / sum(antal), 1) END AS andel,
  CASE
    WHEN count(antal) = ${FAMILY_HOME_FORMS.length} AND sum(antal) > 0 THEN NULL
    WHEN bool_or(markering = 'sekretess') THEN 'sekretess'
    WHEN count(antal) = ${FAMILY_HOME_FORMS.length} THEN 'inget_att_redovisa'
    ELSE 'saknas'
  END AS markering
FROM placeringar
WHERE kon = 'totalt' AND aldersgrupp = '0-20' AND placeringsform IN (${forms})
GROUP BY period, enhetskod, avser`;

/** The view analysts query by name: `natverkshemsandel_beraknad`. */
export const NETWORK_SHARE_VIEW = 'natverkshemsandel_beraknad';
