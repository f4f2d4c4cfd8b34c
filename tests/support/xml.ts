// A strict XML parser (saxes, namespace-aware) for tests: parse() throws on anything not well-formed
// (or using an undeclared prefix) and returns a small element tree to search.
import { SaxesParser } from "saxes";

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => {
    stack.at(-1)!.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root;
}

/** Every element with this name below `node`, in document order. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}

/** The text of an element's w:t descendants, joined. */
export function textOf(node: XmlElement): string {
  return findAll(node, "w:t").map((t) => t.text).join("");
}
