"""What rendering the reports costs next to checking: markdown and HTML per article, and page sizes.

    python benchmarks/reports.py [CORPUS] [--sample N]

CORPUS defaults to ../shared/corpus/bbc (its txt/ folder; texts are read at run time, never
copied). Each of N articles spread over the corpus (default 200) is checked once through the real
pipeline, then its markdown report and its HTML page are each rendered; the figures are times per
article and their ratios to the check, all measured in this run on one core, with the HTML page's
size and the size of the corpus index pages for those articles. Then one long synthetic article
(`--long` paragraphs of made-up figures, thousands of them) shows that rendering stays near linear.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.report.html import render_html
from factcheck.report.html_index import IndexArticle, render_index_pages
from factcheck.report.markdown import render_markdown
from factcheck.rules import load_ruleset

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--sample", type=int, default=200, help="articles spread over the corpus")
    parser.add_argument("--long", type=int, default=1500, help="paragraphs of the long synthetic article")
    args = parser.parse_args()

    folder = Path(args.corpus)
    paths = sorted((folder / "txt" if (folder / "txt").is_dir() else folder).rglob("*.txt"))
    paths = paths[::max(1, len(paths) // args.sample)][:args.sample]
    if not paths:
        raise SystemExit(f"no .txt articles under {folder}")
    ruleset = load_ruleset()
    documents = [Document(str(path.relative_to(folder)), path.read_text(encoding="utf-8", errors="replace"))
                 for path in paths]
    check_document(documents[0], ruleset)  # warm up: unit tables, rule compilation

    started = time.perf_counter()
    results = [check_document(document, ruleset) for document in documents]
    checking = time.perf_counter() - started
    started = time.perf_counter()
    markdown = [render_markdown(result) for result in results]
    rendering_md = time.perf_counter() - started
    started = time.perf_counter()
    pages = [render_html(result) for result in results]
    rendering_html = time.perf_counter() - started
    index = render_index_pages([IndexArticle(r.doc, r.doc + ".html", tuple((f.rule, str(f.verdict))
                                                                          for f in r.findings))
                                for r in results])

    count = len(results)
    sizes = sorted(len(page.encode("utf-8")) for page in pages)
    print(f"{count} articles from {folder}")
    print(f"check     {checking / count * 1000:7.2f} ms/article")
    print(f"markdown  {rendering_md / count * 1000:7.2f} ms/article  "
          f"({rendering_md / checking:.1%} of the check)")
    print(f"html      {rendering_html / count * 1000:7.2f} ms/article  "
          f"({rendering_html / checking:.1%} of the check, {rendering_html / rendering_md:.1f}× markdown)")
    print(f"html page {sizes[len(sizes) // 2] / 1000:.1f} KB median, {sizes[-1] / 1000:.1f} KB largest; "
          f"markdown {sorted(len(m.encode()) for m in markdown)[count // 2] / 1000:.1f} KB median")
    largest = max(len(page.encode("utf-8")) for page in index.values())
    print(f"index     {len(index)} page(s), largest {largest / 1000:.1f} KB")

    text = "\n\n".join(f"Spending rose by {20 + n % 9}% from {200 + n} to {250 + n} roads, the council said."
                       for n in range(args.long))
    result = check_document(Document("long.txt", text), ruleset)
    started = time.perf_counter()
    render_markdown(result)
    long_md = time.perf_counter() - started
    started = time.perf_counter()
    page = render_html(result)
    long_html = time.perf_counter() - started
    print(f"long      {args.long} paragraphs, {len(result.quantities)} figures, "
          f"{len(result.findings)} findings: markdown {long_md:.2f} s, html {long_html:.2f} s "
          f"({len(page.encode()) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
