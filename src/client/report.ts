// The browser side of the quarterly report page, besides the dashboard's own (src/client/dashboard/): the
// Word file of a report computed in the browser (an earlier quarter) is made on request from the report's
// model carried in the page, with the same renderer as the build (src/render/report-docx.ts, loaded only
// then); the foot of every printed page names the unit, quarter, data date and source of the report shown;
// and a quarter that has a page of its own is shown by going to that page (an address ?kvartal=2025-Q3, a
// quarter chosen in the filter form), not computed again.

import { reportWords as w } from '../i18n/report.ts';
import type { ReportModel } from '../views/report/model.ts';
import { PARAM } from '../views/url.ts';
import { saveBlob } from './save-file.ts';

/** The chooser's link to a quarter's own page, if it has one. */
function quarterPageLink(root: HTMLElement, quarter: string): string | null {
  const link = [...root.querySelectorAll<HTMLAnchorElement>('.report__quarters a[data-quarter-page]')].find((a) => a.dataset.quarter === quarter);
  return link ? link.href : null;
}

/**
 * The page of its own for the quarter an address asks for (?kvartal=2025-Q3, of this page's unit), or null
 * when the address asks for none, for another unit, or for a quarter without a page (computed in the browser).
 */
export function pageOfQuarter(root: HTMLElement, search: string, unit: string | undefined): string | null {
  const params = new URLSearchParams(search);
  const quarter = params.get(PARAM.quarter);
  const asked = params.get(PARAM.unit);
  if (!quarter || (asked && asked !== unit)) return null;
  const page = quarterPageLink(root, quarter);
  if (!page) return null;
  // The address's other choices (none today) and its fragment go along.
  params.delete(PARAM.quarter);
  params.delete(PARAM.unit);
  const rest = params.toString();
  return `${page}${rest ? `?${rest}` : ''}${location.hash}`;
}

function printFooter(root: HTMLElement): void {
  const report = root.querySelector<HTMLElement>('[data-report]');
  const text = report?.dataset.footer;
  if (text) document.documentElement.style.setProperty('--ss-print-footer', `"${text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"`);
}

export function wireReport(root: HTMLElement): void {
  // After the dashboard's own beforeprint (registered first), which sets the page's address.
  window.addEventListener('beforeprint', () => printFooter(root));
  // A quarter chosen in the filter form that has a page of its own: that page (before the dashboard's own
  // submit handler on the form, which would compute it in the browser).
  root.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      if (!form.matches('[data-filters]')) return;
      const quarter = new FormData(form).get(PARAM.quarter);
      const page = typeof quarter === 'string' ? quarterPageLink(root, quarter) : null;
      if (!page) return;
      event.preventDefault();
      event.stopPropagation();
      location.assign(page);
    },
    true,
  );
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
