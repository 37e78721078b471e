// Derived figures as views stored in the published data file of the dataset they read, so they are as
// read-only as the tables and need no set-up at run time. Unqualified table names in a view resolve in
// the view's own file, whatever name the file is attached under.
import type { DatasetName } from '../data/schema.ts';
import { NETWORK_SHARE_SQL, NETWORK_SHARE_VIEW } from './network-share.ts';

export interface DerivedView {
  name: string;
  sql: string;
  /** Swedish, for the SQL page's schema browser. */
  description: string;
}

export const DERIVED_VIEWS: Partial<Record<DatasetName, DerivedView[]>> = {
  placeringar: [
    {
      name: NETWORK_SHARE_VIEW,
      sql: NETWORK_SHARE_SQL,
      description: 'Andel placerade i nätverkshem av alla placerade i någon typ av familjehem (familjehem + jourhem + nätverkshem), beräknad ur placeringar för kön totalt och 0–20 år. NULL med markering när någon av de tre uppgifterna är skyddad eller saknas.',
    },
  ],
};
