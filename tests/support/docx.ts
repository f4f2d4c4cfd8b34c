// Reads a .docx back for assertions: its XML parts and the text of each paragraph.
import JSZip from "jszip";

export type DocxParts = { document: string; styles: string; fontTable: string; headers: string[]; footers: string[] };

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the .docx`);
    return file.async("string");
  };
  const all = (pattern: RegExp) => Promise.all(Object.keys(zip.files).filter((p) => pattern.test(p)).sort().map(part));
  return {
    document: await part("word/document.xml"),
    styles: await part("word/styles.xml"),
    fontTable: await part("word/fontTable.xml"),
    headers: await all(/^word\/header\d+\.xml$/),
    footers: await all(/^word\/footer\d+\.xml$/),
  };
}

const decode = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of every paragraph (runs joined), in order; table cells are paragraphs too. */
export function paragraphs(xml: string): string[] {
  return xml
    .split("</w:p>")
    .map((chunk) => [...chunk.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? "")).join(""))
    .filter((text) => text.length > 0);
}

/** Attributes of the first element with this tag, e.g. attributes(xml, "w:pgMar").top. */
export function attributes(xml: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}((?:\\s[^>]*?)?)/?>`).exec(xml);
  if (!match) return {};
  return Object.fromEntries([...(match[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!.replace(/^w:/, ""), decode(m[2] ?? "")]));
}

/** The XML of one style definition in styles.xml. */
export function styleXml(styles: string, styleId: string): string {
  const start = styles.indexOf(`w:styleId="${styleId}"`);
  if (start < 0) return "";
  return styles.slice(start, styles.indexOf("</w:style>", start));
}
