import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../../metadata/src/format/html-to-text.js";

describe("the plain-text alternative of an HTML body", () => {
  it("drops tags and turns blocks into lines", () => {
    expect(
      htmlToText("<h1>Quote</h1>\n  <p>Dear <b>Wang</b>,</p><p>Line<br>two</p><ul><li>a</li><li>b</li></ul>"),
    ).toBe("Quote\n\nDear Wang,\n\nLine\ntwo\n\n- a\n- b");
  });

  it("drops script and style elements with their content, and comments", () => {
    expect(htmlToText("a<script>alert('<p>')</script>b<style>p{}</style>c<!-- note -->d")).toBe("abcd");
  });

  it("decodes entities once, so escaped markup reads as the text it was", () => {
    expect(htmlToText("&lt;script&gt; &amp;lt; &#x4e2d;&#25991; &quot;q&quot; &unknown;")).toBe(
      '<script> &lt; 中文 "q" &unknown;',
    );
    expect(decodeEntities("&#0; &#x110000;")).toBe("\uFFFD \uFFFD");
  });

  it("keeps a < that opens no tag", () => {
    expect(htmlToText("<p>1 < 2 and 3 > 2</p>")).toBe("1 < 2 and 3 > 2");
    expect(htmlToText("a <")).toBe("a <");
  });

  it("takes linear time on hostile markup", () => {
    const started = performance.now();
    htmlToText("<".repeat(200_000));
    htmlToText(`${"<script>".repeat(50_000)}x`);
    htmlToText(`${"< a".repeat(100_000)}>`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
