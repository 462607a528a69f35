/**
 * The body of a rendered letter (React Email writes a whole HTML document), kept with the
 * body's own inline style, so that several letters can sit one per sheet on one page.
 */
export function letterSheetHtml(documentHtml: string): string {
  const body = /<body([^>]*)>([\s\S]*)<\/body>/i.exec(documentHtml);
  if (!body) throw new Error("The rendered letter has no body.");
  const style = /\sstyle="([^"]*)"/i.exec(body[1] ?? "")?.[1] ?? "";
  return `<div style="${style}">${body[2] ?? ""}</div>`;
}
