
"use strict";
// Shows a brief sentence (or one of its sources' sentences) in its article. The page is fully built
// already: this only toggles `hidden`, classes and aria-current, and never parses text as HTML.
(() => {
  const sentences = Array.from(document.querySelectorAll("button.sentence"));
  const scroller = document.getElementById("article-scroller");
  const pane = document.getElementById("source-pane");
  const status = document.getElementById("pane-status");
  const motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  const stacked = window.matchMedia("(max-width: 900px)");
  let current = sentences.length ? 1 : 0; // the brief sentence shown (1-based; 0: none)

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
    // A quarter of the way down what the article's sticky header leaves visible.
    const header = article.querySelector("header").offsetHeight;
    const offset = span.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const above = header + (scroller.clientHeight - header) / 4;
    scroller.scrollTo({ top: scroller.scrollTop + offset - above, behavior: smooth ? motion : "auto" });
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
    only("button.sentence", sentences[item - 1], "aria-current");
    only("button.read", null, "aria-current");
    for (const panel of document.querySelectorAll("section.evidence")) panel.hidden = panel.id !== `evidence-${item}`;
    const links = document.querySelectorAll(`#evidence-${item} .evidence-link`);
    only(".evidence-link", Array.from(links).find((link) => link.dataset.span === spanId) || null, "aria-current");
    only("button.cite", document.querySelector(`button.cite[data-item="${item}"][data-span="${spanId}"]`), "aria-current");
    const article = span.closest("article");
    showArticle(article, span, smooth);
    describe(article, span);
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
      const item = Math.min(sentences.length, Math.max(1, (current || 1) + (current ? step : 0)));
      sentences[item - 1].focus();
      show(item, sentences[item - 1].dataset.span, true);
    } else if (key === "Enter" && event.target.matches && event.target.matches("button.sentence")) {
      // Enter opens the sources: the sentence is shown and the focus goes to its evidence list.
      const item = sentences.indexOf(event.target) + 1;
      show(item, event.target.dataset.span, true);
      const links = evidenceLinks();
      if (links.length) links[0].focus();
    } else if (key === "Escape" && current) {
      sentences[current - 1].focus();
      show(current, sentences[current - 1].dataset.span, true);
    } else {
      return;
    }
    event.preventDefault();
  });

  if (current) {
    const first = document.getElementById(sentences[0].dataset.span);
    if (first) showArticle(first.closest("article"), first, false);
  }
})();
