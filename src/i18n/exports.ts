// Every word of the downloads (src/exports/*): the file formats' names on the buttons, and the second
// sheet of an Excel file (source, data date, markers, suppression).

import { MARKER_LABELS } from '../data/markers.ts';
import { capitalize } from './text.ts';

export const exportWords = {
  csvExcel: 'CSV (Excel, Sverige)',
  csvExcelNote: 'Semikolon, decimalkomma, avrundat som på sidan.',
  csvData: 'CSV (data)',
  csvDataNote: 'Komma, decimalpunkt, full precision: för R, Python och andra analysverktyg.',
  xlsx: 'Excel (XLSX)',
  jsonStat: 'JSON-stat',
  failed: 'Filen kunde inte skapas i den här webbläsaren.',
  /** Column headers added by the data profile beside a value column that has markers. */
  markerColumn: (name: string) => `${name} markering`,
  sheets: { data: 'Data', about: 'Om uppgifterna' },
  about: {
    title: 'Titel',
    subtitle: 'Urval',
    source: 'Källa',
    published: 'Data publicerade',
    invented: 'Påhittade siffror',
    inventedYes: 'Ja: siffrorna hör till en demokommun och är påhittade.',
    markers: 'Markeringar',
    marker: (code: string) => `${capitalize(MARKER_LABELS[code as keyof typeof MARKER_LABELS] ?? code)} (${code})`,
    markerMeaning: {
      sekretess: 'Antalet är så litet att det kunde peka ut enskilda personer och publiceras inte. Det är aldrig noll.',
      saknas: 'Uppgiften har inte rapporterats eller finns inte för perioden.',
      inget_att_redovisa: 'Det finns inget att redovisa (verksamheten finns inte eller hade inga ärenden).',
    } as Record<string, string>,
    suppression: 'Sekretess',
    threshold: (n: number) => `Antal från 1 till ${n} publiceras inte; de visas som skyddade av sekretess. Summor räknas på publicerade uppgifter.`,
    noThreshold: 'Alla antal är publicerade, även de minsta.',
    exported: 'Nedladdad',
    codesAsText: 'Koder (enhetskod, period och liknande) är skrivna som text, så att inledande nollor finns kvar.',
  },
  jsonStatNote: 'Hämtat från socialstatistik.',
} as const;
