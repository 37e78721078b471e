// The Word file of each quarterly report with a page of its own, built with the site beside that page
// (rapport/<enhet>/<kvartal>/statistikrapport-ej-verkstallda-beslut-<enhet>-<kvartal>.docx).
import type { APIRoute } from 'astro';
import { reportDocxBytes } from '../../../../render/report-docx.ts';
import { buildEnv } from '../../../../views/build-env.ts';
import { PARAM } from '../../../../views/url.ts';
import { chooseReport, loadReport, reportUnits } from '../../../../views/report/index.ts';

export async function getStaticPaths() {
  const { runner, env } = await buildEnv();
  const paths = [];
  for (const u of await reportUnits(runner, env)) {
    for (const kvartal of u.pages) {
      const c = await chooseReport(runner, new URLSearchParams({ [PARAM.quarter]: kvartal }), env, u.unit.enhetskod);
      if (!c) continue;
      const model = await loadReport(runner, c, env);
      paths.push({ params: { enhet: u.unit.enhetskod, kvartal, file: model.docxFile }, props: { bytes: await reportDocxBytes(model) } });
    }
  }
  return paths;
}

export const GET: APIRoute = ({ props }) =>
  new Response((props.bytes as Uint8Array<ArrayBuffer>), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
