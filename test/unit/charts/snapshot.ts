// SVG snapshots, as Observable Plot tests its marks: the first run writes test/output/charts/<name>.svg
// (review it, commit it); later runs must produce the same bytes. A mismatch writes the new output to
// test/output/actual/charts/<name>.svg (ignored by git) for a diff, and fails. With CI=true a missing
// snapshot fails instead of being written.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { render } from '../../../src/charts/render.ts';
import { serverDocument } from '../../../src/charts/server.ts';
import type * as Plot from '@observablehq/plot';

const ROOT = path.resolve(import.meta.dirname, '../../output');

/** One element per line, so a snapshot diff shows what changed. */
export function pretty(markup: string): string {
  return `${markup.replace(/></g, '>\n<')}\n`;
}

export function renderSvg(spec: Plot.PlotOptions, id: string): SVGSVGElement {
  return render(spec, serverDocument(), { id }) as SVGSVGElement;
}

export function expectSnapshot(name: string, element: Element): void {
  const actual = pretty(element.outerHTML);
  const expectedFile = path.join(ROOT, 'charts', `${name}.svg`);
  const actualFile = path.join(ROOT, 'actual', 'charts', `${name}.svg`);
  if (!existsSync(expectedFile)) {
    if (process.env.CI === 'true') throw new Error(`missing snapshot ${expectedFile}`);
    mkdirSync(path.dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, actual, 'utf8');
    console.warn(`! wrote ${path.relative(process.cwd(), expectedFile)}`);
    return;
  }
  const expected = readFileSync(expectedFile, 'utf8');
  if (actual === expected) {
    rmSync(actualFile, { force: true });
    return;
  }
  mkdirSync(path.dirname(actualFile), { recursive: true });
  writeFileSync(actualFile, actual, 'utf8');
  expect(actual, `${name} differs from its snapshot; new output in ${actualFile}`).toBe(expected);
}
