// The Word file of each quarterly report with a page of its own, built with the site beside that page
// (rapport/<enhet>/<kvartal>/statistikrapport-ej-verkstallda-beslut-<enhet>-<kvartal>.docx).
import type { APIRoute } from 'astro';
import { reportDocxBytes } from '../../../../render/report-docx.ts';
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
  // The queries of the next reports run in DuckDB's own threads while this thread writes a Word file
  // (docx is JavaScript): on a national site (about 1 250 files) the build no longer waits for them in turn.
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
    paths.push({ params: { enhet: pages[i].unit, kvartal: pages[i].kvartal, file: m.docxFile }, props: { bytes: await reportDocxBytes(m) } });
  }
  return paths;
}

export const GET: APIRoute = ({ props }) =>
  new Response((props.bytes as Uint8Array<ArrayBuffer>), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
