import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RollupTableView } from "./rollup-table-view";

const figures = ["50%", "33%", "+0.5 (75%)", "2", "1", "3", "0", "1"];
const render = (withheld: boolean, href: string | null) =>
  renderToStaticMarkup(
    <RollupTableView id="t" caption="By theme" headers={["Name", ...figures.map((_, i) => `H${i}`)]} withheldTitle="Not shown" rows={[{ key: "k", name: "Name", href, withheld, figures }]} />,
  );

describe("a roll-up row", () => {
  it("shows its eight figures in column order, the completion and assessment marked", () => {
    const html = render(false, "/en/commitments/35/1");
    expect(html).toContain('<tr data-rollup="k"><th scope="row"><a href="/en/commitments/35/1" class="text-brand-700 hover:underline">Name</a></th>');
    expect(html).toContain('<td>50%</td><td data-figure="completion">33%</td><td data-figure="assessment">+0.5 (75%)</td><td>2</td><td>1</td><td>3</td><td>0</td><td>1</td>');
    expect(html).not.toContain("data-withheld");
  });

  it("marks a withheld row and explains its completion, without a link when there is none", () => {
    const html = render(true, null);
    expect(html).toContain('<tr data-rollup="k" data-withheld="true"><th scope="row">Name</th>');
    expect(html).toContain('<td data-figure="completion"><span title="Not shown">33%</span></td>');
  });
});
