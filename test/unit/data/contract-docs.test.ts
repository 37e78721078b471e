// data/README.md documents the contract; this keeps it true to src/data/schema.ts, the one place the
// contract lives: every dataset, column and allowed value the code accepts must be documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/data/schema.ts';

const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');

describe('data/README.md', () => {
  for (const spec of Object.values(DATASETS)) {
    it(`documents ${spec.name}: its columns and allowed values`, () => {
      expect(readme).toContain(`\`${spec.name}\``);
      for (const column of spec.columns) {
        expect(readme, `${spec.name}.${column.name}`).toMatch(new RegExp(`\\b${column.name}\\b`));
        for (const value of column.values ?? []) {
          if (value === '' || value === 'ja' || value === 'nej') continue;
          expect(readme, `${spec.name}.${column.name} = ${value}`).toContain(value);
        }
      }
    });
  }
});
