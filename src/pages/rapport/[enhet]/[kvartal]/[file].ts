// The Word file of each quarterly report with a page of its own, built with the site beside that page
// (rapport/<enhet>/<kvartal>/statistikrapport-ej-verkstallda-beslut-<enhet>-<kvartal>.docx).
import type { APIRoute } from 'astro';
import { docxWriter } from '../../../../render/report-docx-pool.ts';
import { buildEnv } from '../../../../views/build-env.ts';
import { PARAM } from '../../../../views/url.ts';
import { chooseReport, loadReport, reportUnits } from '../../../../views/report/index.ts';

/** Reports whose figures are asked for ahead of the Word file being written (see below). */
const AHEAD = 4;

export async function getStaticPaths() {
  const { runner, env } = await buildEnv();
  const pages = (await reportUnits(runner, env)).flatMap((u) => u.pages.map((kvartal) => ({ unit: u.unit.enhetskod, kvartal })));
  const model = async ({ unit, kvartal }: (typeof pages)[number]) => {
    const c = await chooseReport(runner, new URLSearchParams({ [PARAM.quarter]: kvartal }), env, unit);
    return c ? loadReport(runner, c, env) : null;
  };
  // The Word files are written by worker threads (report-docx-pool.ts) while this thread goes on with
  // the next reports' queries, a few ahead, so that DuckDB's threads have the next one to answer while
  // this thread makes a model; each route waits for its own file.
  const writer = docxWriter();
  const models: (Promise<Awaited<ReturnType<typeof model>>> | undefined)[] = [];
  const paths = [];
  for (let i = 0; i < pages.length; i++) {
    for (let k = i; k < Math.min(pages.length, i + AHEAD); k++) {
      if (models[k]) continue;
      const next = model(pages[k]);
      next.catch(() => undefined); // awaited in its turn below, where a failure stops the build
      models[k] = next;
    }
    const m = await models[i];
    models[i] = undefined;
    if (!m) continue;
    const bytes = writer.write(m);
    bytes.catch(() => undefined); // awaited by its route, where a failure stops the build
    paths.push({ params: { enhet: pages[i].unit, kvartal: pages[i].kvartal, file: m.docxFile }, props: { bytes } });
  }
  return paths;
}

export const GET: APIRoute = async ({ props }) =>
  new Response(await (props.bytes as Promise<Uint8Array<ArrayBuffer>>), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
