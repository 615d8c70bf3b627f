
"use strict";
// Shows a brief sentence (or one of its sources' sentences) in its article. The page is fully built
// already: this only toggles `hidden`, classes and aria-current, and never parses text as HTML.
(() => {
  const sentences = Array.from(document.querySelectorAll("button.sentence")); // in reading order
  const sentenceOf = (item) => sentences.find((button) => button.dataset.item === String(item));
  const scroller = document.getElementById("article-scroller");
  const pane = document.getElementById("source-pane");
  const status = document.getElementById("pane-status");
  const motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  const stacked = window.matchMedia("(max-width: 900px)");
  const shown = document.querySelector("button.sentence[aria-current]") || sentences[0];
  let current = shown ? Number(shown.dataset.item) : 0; // the brief sentence shown (its number; 0: none)

  function only(selector, chosen, attribute) {
    for (const element of document.querySelectorAll(selector)) {
      if (element === chosen) element.setAttribute(attribute, "true");
      else element.removeAttribute(attribute);
    }
  }

  function showArticle(article, span, smooth) {
    for (const other of document.querySelectorAll("article.source-text")) other.hidden = other !== article;
    for (const old of document.querySelectorAll(".span.current")) old.classList.remove("current");
    if (span) span.classList.add("current");
    if (!span) { scroller.scrollTop = 0; return; }
    // A quarter of the way down what the article's sticky header leaves visible, but with no more
    // above it than its own paragraph: the tail of the one before ("photo)") would read as its start.
    const header = article.querySelector("header").getBoundingClientRect().height;
    const top = scroller.getBoundingClientRect().top;
    const offset = span.getBoundingClientRect().top - top;
    const above = header + (scroller.clientHeight - header) / 4;
    const visible = scroller.clientTop + header; // the first line the stuck header leaves in view
    const paragraph = paragraphTop(article, span) - top;
    const target = Math.max(scroller.scrollTop + offset - above, scroller.scrollTop + paragraph - visible);
    scroller.scrollTo({ top: target, behavior: smooth ? motion : "auto" });
  }

  // Where on screen the paragraph holding `span` starts: a line of the article's text, as the brief
  // reads it, so just after the last line break before the span (the text's top if none).
  function paragraphTop(article, span) {
    const body = article.querySelector(".text");
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let start = null;
    for (let node = walker.nextNode(); node && !span.contains(node); node = walker.nextNode()) {
      if (!(node.compareDocumentPosition(span) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      const at = node.data.lastIndexOf("\n");
      if (at >= 0) start = [node, at + 1];
    }
    const spanTop = span.getBoundingClientRect().top;
    if (!start) return body.getBoundingClientRect().top;
    const range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEndBefore(span);
    const lines = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    return Math.min(spanTop, ...lines.map((rect) => rect.top));
  }

  function describe(article, span) {
    const title = article.querySelector("h2").textContent;
    const where = article.querySelector(".source-kicker").textContent;
    status.textContent = span ? `${where}, ${title}: ${span.textContent}` : `${where}, ${title}`;
  }

  // Show the span `spanId` for brief sentence `item`, with that sentence's evidence list.
  function show(item, spanId, smooth) {
    const span = document.getElementById(spanId);
    if (!span) return;
    current = item;
    only("button.sentence", sentenceOf(item), "aria-current");
    only("button.read", null, "aria-current");
    for (const panel of document.querySelectorAll("section.evidence")) panel.hidden = panel.id !== `evidence-${item}`;
    const links = document.querySelectorAll(`#evidence-${item} .evidence-link`);
    only(".evidence-link", Array.from(links).find((link) => link.dataset.span === spanId) || null, "aria-current");
    only("button.cite", document.querySelector(`button.cite[data-item="${item}"][data-span="${spanId}"]`), "aria-current");
    const article = span.closest("article");
    showArticle(article, span, smooth);
    describe(article, span);
    remember(item);
  }

  // The address names the sentence shown (brief.html#item-3), so a reader can point someone at it.
  function remember(item) {
    try {
      history.replaceState(null, "", `#item-${item}`);
    } catch (error) {
      // Some browsers refuse to touch a file:// address; the page works the same without it.
    }
  }

  function read(source) {
    const article = document.getElementById(`source-text-${source}`);
    if (!article) return;
    only("button.read", document.querySelector(`button.read[data-source="${source}"]`), "aria-current");
    only("button.cite", null, "aria-current");
    only(".evidence-link", null, "aria-current");
    showArticle(article, null, false);
    describe(article, null);
  }

  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-item][data-span], [data-source]");
    if (!target) return;
    if (target.dataset.source) read(target.dataset.source);
    else show(Number(target.dataset.item), target.dataset.span, true);
    if (stacked.matches && event.detail) pane.scrollIntoView({ behavior: motion, block: "start" });
  });

  function evidenceLinks() {
    return Array.from(document.querySelectorAll(`#evidence-${current} .evidence-link`));
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !sentences.length) return;
    if (event.target instanceof Element && event.target.closest("#article-scroller")) return; // scrolls the article
    const key = event.key;
    const inEvidence = event.target instanceof Element && event.target.closest("section.evidence");
    const step = key === "ArrowDown" || key === "j" ? 1 : key === "ArrowUp" || key === "k" ? -1 : 0;
    if (step && inEvidence) {
      // Within a sentence's sources: move between them, each shown as it is reached.
      const links = evidenceLinks();
      const next = links[Math.min(links.length - 1, Math.max(0, links.indexOf(event.target) + step))];
      next.focus();
      show(current, next.dataset.span, true);
    } else if (step) {
      const at = sentences.indexOf(sentenceOf(current));
      const next = sentences[Math.min(sentences.length - 1, Math.max(0, at + step))];
      next.focus();
      show(Number(next.dataset.item), next.dataset.span, true);
    } else if (key === "Enter" && event.target.matches && event.target.matches("button.sentence")) {
      // Enter opens the sources: the sentence is shown and the focus goes to its evidence list.
      show(Number(event.target.dataset.item), event.target.dataset.span, true);
      const links = evidenceLinks();
      if (links.length) links[0].focus();
    } else if (key === "Escape" && current) {
      const button = sentenceOf(current);
      button.focus();
      show(current, button.dataset.span, true);
    } else {
      return;
    }
    event.preventDefault();
  });

  const asked = /^#item-(\d+)$/.exec(window.location.hash);
  if (asked && sentenceOf(asked[1])) {
    show(Number(asked[1]), sentenceOf(asked[1]).dataset.span, false);
  } else if (current) {
    const first = document.getElementById(sentenceOf(current).dataset.span);
    if (first) showArticle(first.closest("article"), first, false);
  }
})();
