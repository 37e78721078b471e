// What every page's footer carries for the downloads (SiteFooter.astro): when the published data were
// built and the suppression threshold, so a downloaded file can say both.

export interface SiteFacts {
  /** ISO date of the published data, or null. */
  published: string | null;
  /** Counts below it are hidden; null when the page does not say. */
  threshold: number | null;
}

export function siteFacts(doc: Document = document): SiteFacts {
  const footer = doc.querySelector<HTMLElement>('footer[data-site-threshold]');
  const threshold = Number(footer?.dataset.siteThreshold);
  return {
    published: footer?.dataset.siteGenerated?.slice(0, 10) ?? null,
    threshold: footer?.dataset.siteThreshold && Number.isFinite(threshold) ? threshold : null,
  };
}
