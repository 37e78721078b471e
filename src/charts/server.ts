// Rendering at build time: one server-side DOM (jsdom) for all charts of a build, so pages call
// `renderToString` and never touch jsdom themselves. The browser uses `render` with its own document.

import type * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { render, toMarkup, type RenderOptions } from './render.ts';

let shared: Document | undefined;

/** A server-side document, created once. */
export function serverDocument(): Document {
  return (shared ??= new JSDOM('<!doctype html><html><body></body></html>').window.document);
}

/** The chart's SVG markup, for a static page. */
export function renderToString(spec: Plot.PlotOptions, options: RenderOptions = {}): string {
  return toMarkup(render(spec, serverDocument(), options));
}
