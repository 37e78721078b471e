// Saves a file the page made (a chart, a CSV, an Arrow file) as a download, without a server: an object
// URL on a hidden link, clicked once. The URL is revoked after the browser has had time to start saving.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
