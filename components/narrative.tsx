import type { ElementContent, Root, RootContent } from "hast";
import type { ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";

// The safe subset of Markdown a narrative may use. Everything else is shown as its text:
// raw HTML appears as the characters typed (never as markup), headings are unwrapped, images
// become their description, and links keep only http(s) targets.
const ALLOWED_ELEMENTS = ["p", "em", "strong", "ul", "ol", "li", "a", "br", "blockquote", "code", "img"];

/** Keeps absolute http(s) URLs; anything else (javascript:, data:, relative) becomes no link at all. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? url : "";
  } catch {
    return "";
  }
}

/**
 * A block of raw HTML becomes a paragraph of its text (react-markdown then shows the text, never
 * the markup): left in place, consecutive blocks would run together on one line.
 */
function htmlBlocksAsParagraphs() {
  const wrap = (node: RootContent | ElementContent): RootContent =>
    node.type === "raw" ? { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: node.value }] } : node;
  return (tree: Root) => {
    tree.children = tree.children.map(wrap);
    for (const node of tree.children) {
      if (node.type === "element" && node.tagName === "blockquote") node.children = node.children.map((child) => wrap(child) as ElementContent);
    }
  };
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow noopener noreferrer ugc" target="_blank" className="text-brand-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  ul: ({ children }) => <ul className="list-disc space-y-1 ps-6">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 ps-6">{children}</ol>,
  // Never loaded: an image is shown as its description.
  img: ({ alt }) => <span>{alt}</span>,
  blockquote: ({ children }) => <blockquote className="border-s-4 border-stone-300 ps-3 text-stone-700">{children}</blockquote>,
};

// Reports are append-only, so a narrative's text never changes and its rendering depends on the
// text alone: parsing it once per process (the latest few hundred, in use order) spares every
// page of a timeline its Markdown parser. React elements are immutable and may be rendered again.
const CACHED = 500;
const rendered = new Map<string, ReactElement>();

function render(text: string): ReactElement {
  const cached = rendered.get(text);
  if (cached) {
    rendered.delete(text);
    rendered.set(text, cached);
    return cached;
  }
  // `Markdown` is synchronous and uses no hooks: called as a function, it returns its elements.
  const element = Markdown({
    children: text,
    rehypePlugins: [htmlBlocksAsParagraphs],
    allowedElements: ALLOWED_ELEMENTS,
    unwrapDisallowed: true,
    urlTransform: safeUrl,
    components,
  });
  rendered.set(text, element);
  if (rendered.size > CACHED) rendered.delete(rendered.keys().next().value!);
  return element;
}

/**
 * A report's narrative (Arabic or English), rendered on the server only: no client script,
 * HTML shown as text, no images. The text direction follows the text.
 */
export function Narrative({ text }: { text: string }) {
  return (
    <div dir="auto" className="space-y-2 break-words leading-relaxed" data-narrative>
      {render(text)}
    </div>
  );
}
