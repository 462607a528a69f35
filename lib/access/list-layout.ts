/**
 * Whether /access's list should arrive as a table or as phone cards, from what the request says
 * about the device: Chromium browsers send the `Sec-CH-UA-Mobile` client hint with every request;
 * Safari and Firefox say "Mobile" (or iPhone, iPod) in their user agent. The browser switches
 * afterwards if the window's width calls for the other, so a wrong guess costs one re-render.
 */
export function accessListLayoutFor(headers: Pick<Headers, "get">): "table" | "cards" {
  const hint = headers.get("sec-ch-ua-mobile");
  if (hint === "?1") return "cards";
  if (hint === "?0") return "table";
  return /\b(Mobile|iPhone|iPod)\b/.test(headers.get("user-agent") ?? "") ? "cards" : "table";
}
