import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Narrative } from "./narrative";

const render = (text: string) => renderToStaticMarkup(<Narrative text={text} />);

describe("narratives", () => {
  it("renders the safe subset: paragraphs, emphasis, lists, http(s) links", () => {
    const html = render("**Done**, *mostly*.\n\n- one\n- two\n\n1. first\n\n[decree](https://example.gov/d?a=1&b=2)");
    expect(html).toContain("<strong>Done</strong>");
    expect(html).toContain("<em>mostly</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<ol");
    expect(html).toContain('href="https://example.gov/d?a=1&amp;b=2"');
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');
  });

  // Threat: a delegate's narrative injecting markup or script into the page other delegates
  // and the secretariat read (stored XSS), or pulling in remote images (tracking).
  it("never lets raw HTML, script URLs, or images through", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "<iframe src=https://evil.example></iframe>",
      "[click](javascript:alert(1))",
      "[click](JAVASCRIPT:alert(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[click](vbscript:msgbox)",
      "![tracker](https://evil.example/pixel.png)",
      "<a href=\"javascript:alert(1)\">x</a>",
      "[ref]\n\n[ref]: javascript:alert(1)",
      "<div onclick=alert(1)>x</div>",
    ];
    for (const attack of attacks) {
      // The markup itself, not the text (which may well say "onerror"): every tag is one of ours.
      const tags = render(attack).match(/<[^>]*>/g) ?? [];
      for (const tag of tags) expect(tag, attack).toMatch(/^<\/?(div|p|span|a|em|strong|ul|ol|li|br|blockquote|code)[\s/>]/);
      expect(tags.join(""), attack).not.toMatch(/\son\w+=|javascript:|data:|vbscript:|src=/i);
    }
    expect(render("![a chart](https://evil.example/pixel.png)")).toContain("a chart");
  });

  it("shows HTML as the characters typed, so that nothing the delegate wrote disappears", () => {
    expect(render("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(render('We block <img src=x onerror="alert(1)"> tags.')).toContain("We block &lt;img src=x onerror=&quot;alert(1)&quot;&gt; tags.");
    // Blocks of HTML stay paragraphs of their own.
    expect(render("<script>a</script>\n\n<div>b</div>")).toContain("<p>&lt;script&gt;a&lt;/script&gt;</p>\n<p>&lt;div&gt;b&lt;/div&gt;</p>");
  });

  it("keeps Arabic text and its direction", () => {
    const html = render("استُكملت **جميع** الإجراءات");
    expect(html).toContain('dir="auto"');
    expect(html).toContain("<strong>جميع</strong>");
  });

  it("shows headings and relative links as plain text", () => {
    const html = render("# Title\n\n[here](/en/admin/users)");
    expect(html).not.toContain("<h1");
    expect(html).toContain("Title");
    expect(html).not.toContain('href="/en');
  });

  it("renders each narrative from its own text, from the cache or not", () => {
    const texts = Array.from({ length: 30 }, (_, i) => `Narrative **${i}**, [link](https://example.gov/${i}).`);
    const first = texts.map(render);
    const again = texts.map(render);
    expect(again).toEqual(first);
    again.forEach((html, i) => expect(html).toContain(`<strong>${i}</strong>, <a href="https://example.gov/${i}"`));
  });
});
