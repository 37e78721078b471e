// The browser side of the quarterly report page, besides the dashboard's own (src/client/dashboard/): the
// Word file of a report computed in the browser (an earlier quarter) is made on request from the report's
// model carried in the page, with the same renderer as the build (src/render/report-docx.ts, loaded only
// then); and the foot of every printed page names the unit, quarter, data date and source of the report shown.

import { reportWords as w } from '../i18n/report.ts';
import type { ReportModel } from '../views/report/model.ts';
import { saveBlob } from './save-file.ts';

function printFooter(root: HTMLElement): void {
  const report = root.querySelector<HTMLElement>('[data-report]');
  const text = report?.dataset.footer;
  if (text) document.documentElement.style.setProperty('--ss-print-footer', `"${text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"`);
}

export function wireReport(root: HTMLElement): void {
  // After the dashboard's own beforeprint (registered first), which sets the page's address.
  window.addEventListener('beforeprint', () => printFooter(root));
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-report-docx]');
    if (!button) return;
    const template = root.querySelector<HTMLTemplateElement>('template[data-report-model]');
    if (!template) return;
    const model = JSON.parse(template.content.textContent ?? template.innerHTML) as ReportModel;
    const label = button.textContent;
    button.disabled = true;
    button.textContent = w.docxBusy;
    void import('../render/report-docx.ts')
      .then((m) => m.reportDocxBlob(model))
      .then((blob) => saveBlob(blob, button.dataset.reportDocx || model.docxFile))
      .catch((e) => {
        console.warn(e);
        button.after(Object.assign(document.createElement('p'), { className: 'report__note', textContent: w.docxFailed }));
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = label;
      });
  });
}
