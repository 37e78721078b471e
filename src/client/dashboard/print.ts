// Printing a dashboard page: the tables print open, and the foot of every printed page says the address
// of the view shown (with its choices), the data's date and today's date.

import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatDate } from '../../i18n/format.ts';

/**
 * The print footer is set only while printing, as a custom property through the CSSOM (which a strict CSP
 * allows) that @page in dashboard-print.css reads; nothing of it stays in the page afterwards.
 */
function setPrintFooter(printing: boolean, generated: string): void {
  const root = document.documentElement;
  if (!printing) {
    root.style.removeProperty('--ss-print-footer');
    if (!root.getAttribute('style')) root.removeAttribute('style');
    return;
  }
  const text = [
    `${words.print.footer} ${location.href}.`,
    generated ? words.print.data(formatDate(generated)) : '',
    words.print.printed(formatDate(new Date().toISOString().slice(0, 10))),
  ]
    .filter(Boolean)
    .join(' ');
  root.style.setProperty('--ss-print-footer', `"${text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"`);
}

export function wirePrinting(root: HTMLElement, generated: string): void {
  // Tables print open even where the browser cannot open <details> from the stylesheet.
  const opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    for (const d of root.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
      d.open = true;
      opened.push(d);
    }
    setPrintFooter(true, generated);
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.open = false;
    setPrintFooter(false, generated);
  });
}
