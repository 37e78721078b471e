// The comparison pages, one per topic: their page ids, paths and the datasets each needs.

import type { DatasetName } from '../../data/schema.ts';

export const COMPARE_TOPICS: readonly { id: string; topic: string; path: string; needs: readonly DatasetName[] }[] = [
  { id: 'jamforelser', topic: 'placeringar', path: 'jamforelser/', needs: ['placeringar'] },
  { id: 'jamforelser/natverkshem', topic: 'natverkshem', path: 'jamforelser/natverkshem/', needs: ['placeringar', 'natverkshemsandel'] },
  { id: 'jamforelser/ej-verkstallda-beslut', topic: 'ej_verkstallda_beslut', path: 'jamforelser/ej-verkstallda-beslut/', needs: ['ej_verkstallda_beslut'] },
];
