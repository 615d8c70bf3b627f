"""Real-world input: web pages, URLs (served from 127.0.0.1), any encoding, cluster files, stdin,
copies of one story, other languages, a single article."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs.documents import article_paths, read_documents, sample_documents
from summarize.inputs.encoding import decode
from summarize.inputs.language import not_english_reason
from summarize.output.atomic import check_output_path
from summarize.output.render import to_dict, to_markdown
from summarize.pipeline import BriefSettings, build_brief
from summarize.records import SummarizeError
from tests import fakes
from tests.conftest import STORY
from tests.local_server import FIXTURES, PLAIN, serve

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
ARTICLE = (
    "Storm hits the coast\n\n"
    "A powerful storm hit the northern coast on Monday, forcing thousands of residents to flee their homes.\n\n"
    "Officials said the storm brought winds of 120 miles per hour and heavy flooding to the coast.\n\n"
    "The mayor said emergency shelters were open in every school across the northern region.\n"
)


@pytest.fixture(scope="module")
def server():
    with pytest.MonkeyPatch.context() as patch:
        for name in PROXY_VARIABLES:
            patch.delenv(name, raising=False)  # 127.0.0.1 directly, never through a proxy
        with serve() as url:
            yield url


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def spans_hold(brief) -> None:
    for item in brief.sentences:
        for sentence in [item.sentence, *(c.sentence for c in item.also_in)]:
            text = brief.documents[sentence.document].text
            assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text


# --- web pages ---------------------------------------------------------------------------------


def test_a_saved_news_page_gives_its_article_without_the_page_furniture():
    [page] = read_documents([FIXTURES / "storm.html"])
    assert page.title == "Storm hits the northern coast"
    assert "forcing thousands of residents to flee their homes." in page.text
    assert "The mayor said emergency shelters were open" in page.text
    for furniture in (
        "Subscribe now",  # navigation
        "Advertisement",
        "Phone X",
        "Cheap flights",  # ads
        "Related stories",
        "Football club",  # related stories
        "Comments",
        "council did nothing",
        "Stay safe",  # the comment section
        "dataLayer",
        "script should never",
        "float: right",  # scripts and styles
        "All rights reserved",  # the footer
    ):
        assert furniture not in page.text, furniture
    assert page.encoding == "utf-8" and page.url is None


def test_a_page_in_windows_1252_declared_only_in_a_meta_tag_is_decoded():
    [page] = read_documents([FIXTURES / "wire.html"])
    assert page.encoding == "cp1252"
    assert "“We have never seen anything like it,” said André Dupont" in page.text
    assert "cookies" not in page.text and "sea wall" not in page.text and "Sponsored" not in page.text


def test_citations_of_a_page_point_into_its_extracted_text(embedder):
    documents = read_documents([FIXTURES / "storm.html", FIXTURES / "wire.html"])
    brief = build_brief(documents, embedder, BriefSettings(words=80))
    assert brief.sentences
    spans_hold(brief)


def test_html_in_a_txt_file_or_on_stdin_is_recognized(tmp_path):
    saved = tmp_path / "saved-page.txt"
    saved.write_bytes((FIXTURES / "storm.html").read_bytes())
    [from_file] = read_documents([saved])
    [from_stdin] = read_documents(["-"], stdin=io.BytesIO((FIXTURES / "storm.html").read_bytes()))
    assert from_file.text == from_stdin.text and "Advertisement" not in from_file.text
    assert from_stdin.path == "<stdin>" and from_stdin.title == "Storm hits the northern coast"


# --- URLs (a local server; nothing leaves the machine) -----------------------------------------------


def test_a_url_gives_the_same_article_as_the_saved_page(server):
    [page] = read_documents([f"{server}/storm.html"])
    [saved] = read_documents([FIXTURES / "storm.html"])
    assert page.text == saved.text and page.title == saved.title
    assert page.url == page.path == f"{server}/storm.html"


def test_redirects_are_followed_and_the_url_asked_for_is_recorded(server):
    [page] = read_documents([f"{server}/redirect"])
    assert page.title == "Storm hits the northern coast" and page.url == f"{server}/redirect"


def test_a_url_typed_into_a_path_still_works(server):
    # Path("http://host/x") is "http:/host/x"; the TUI and click hand such paths over.
    url = f"{server}/wire.html"
    [page] = read_documents([Path(url)])
    assert page.url == url and page.encoding == "cp1252"
    assert article_paths([Path(url), url, "-"]) == []  # URLs and stdin are not files to check


def test_a_plain_text_url_is_read_as_text(server):
    [page] = read_documents([f"{server}/plain.txt"])
    assert page.text == PLAIN and page.title == "Storm damage across the north"


@pytest.mark.parametrize(
    "path, options, message",
    [
        ("/missing", {}, "the server answered 404 Not Found"),
        ("/error", {}, "the server answered 500"),
        ("/image.png", {}, "not a web page (the server says it is image/png)"),
        ("/png-as-html", {}, "this is a PNG image, not text"),
        ("/empty.html", {}, "the page is empty"),
        ("/menu.html", {}, "no article text found"),
        ("/french.html", {}, "not English"),
        ("/big-declared", {"max_download": 1024 * 1024}, "the page is 2.0 MB, over the 1.0 MB limit"),
        ("/big-undeclared", {"max_download": 1024 * 1024}, "over the 1.0 MB limit"),
        ("/slow", {"timeout": 0.5}, "no complete answer within 0.5 s"),
        ("/trickle", {"timeout": 1.0}, "no complete answer within 1 s"),
    ],
)
def test_a_url_that_fails_says_why_in_one_line(server, path, options, message):
    with pytest.raises(SummarizeError) as caught:
        read_documents([f"{server}{path}"], **options)
    text = str(caught.value)
    assert text.startswith(f"{server}{path}: ") and message in text and "\n" not in text


def test_the_json_of_a_url_records_the_url_and_encoding(server, fake_model):
    result = run("brief", f"{server}/storm.html", f"{server}/wire.html", "-f", "json", "-w", "60")
    assert result.exit_code == 0, result.output
    sources = json.loads(result.stdout)["sources"]
    assert sources[0]["url"] == f"{server}/storm.html" and sources[0]["encoding"] == "utf-8"
    assert sources[1]["url"] == f"{server}/wire.html" and sources[1]["encoding"] == "cp1252"


# --- encodings -------------------------------------------------------------------------------------

TEXT = "Café owners said the “storm” was the worst in years.\n" + ARTICLE


@pytest.mark.parametrize(
    "encoding, recorded",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),  # no byte-order mark
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
)
def test_text_in_any_common_encoding_is_decoded_and_the_encoding_recorded(tmp_path, encoding, recorded):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(encoding))
    [document] = read_documents([path])
    assert document.text == TEXT and document.encoding == recorded


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Les propriétaires du café ont dit que la tempête était la pire.", "latin-1"),
        ("Мощный шторм обрушился на северное побережье в понедельник.", "cp1251"),
        ("Мощный шторм обрушился на северное побережье в понедельник.", "koi8-r"),
        ("周一，一场强烈的风暴袭击了北部海岸，迫使数千名居民逃离家园。", "gb18030"),
    ],
)
def test_detection_decodes_other_alphabets(text, encoding):
    decoded, _ = decode(text.encode(encoding), "x")
    assert decoded == text


def test_windows_line_ends_read_as_python_reads_text(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_documents([path])[0].text == ARTICLE


# --- cluster files and stdin -------------------------------------------------------------------------


def write_clusters(path: Path, count: int) -> None:
    lines = []
    for number in range(count):
        documents = [{"id": f"doc{n}", "title": title, "text": text} for n, (title, text) in enumerate(STORY)]
        lines.append(json.dumps({"id": f"c{number}", "documents": documents, "summaries": ["A storm."]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_cluster_file_gives_the_chosen_clusters_documents(tmp_path):
    data = tmp_path / "data.jsonl"
    write_clusters(data, 3)
    documents = read_documents([data], cluster="c1")
    assert [d.title for d in documents] == [title for title, _ in STORY]
    assert [d.path for d in documents] == [f"{data}#c1/doc{n}" for n in range(3)]
    assert [d.text for d in documents] == [text for _, text in STORY]


def test_only_the_chosen_cluster_gets_an_articles_checks(tmp_path):
    data = tmp_path / "data.jsonl"
    write_clusters(data, 2)
    menu = {"id": "menu", "documents": [{"id": "m0", "text": "Home\nWorld\nSport\n"}]}
    data.write_text(data.read_text(encoding="utf-8") + json.dumps(menu) + "\n", encoding="utf-8")
    assert len(read_documents([data], cluster="c1")) == 3  # another cluster's odd document does not stop it
    with pytest.raises(SummarizeError, match=r"data.jsonl:3 \(document m0\): no article text"):
        read_documents([data], cluster="menu")


def test_a_cluster_can_be_named_in_the_path_as_the_tui_adds_it(tmp_path):
    data = tmp_path / "data.jsonl"
    write_clusters(data, 3)
    documents = read_documents([f"{data}#c2"])
    assert [d.path for d in documents] == [f"{data}#c2/doc{n}" for n in range(3)]
    assert article_paths([f"{data}#c2"]) == [data]  # so -o can never replace it


def test_a_cluster_file_with_one_cluster_needs_no_id(tmp_path, fake_model):
    data = tmp_path / "one.jsonl"
    write_clusters(data, 1)
    assert len(read_documents([data])) == 3
    result = run("brief", str(data), "-w", "60", "-f", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["sources"]) == 3


def test_the_cli_briefs_one_cluster_of_a_file(tmp_path, fake_model):
    data = tmp_path / "data.jsonl"
    write_clusters(data, 2)
    result = run("brief", str(data), "--cluster", "c1", "-w", "60")
    assert result.exit_code == 0 and f"`{data}#c1/doc0`" in result.stdout


def test_stdin_is_one_document(fake_model):
    result = run("brief", "-", "-f", "json", input=ARTICLE.encode("cp1252"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"] == [{"id": 1, "title": "Storm hits the coast", "path": "<stdin>", "encoding": "utf-8"}]


def test_files_urls_stdin_and_folders_mix_in_the_order_given(tmp_path, server):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "a.html").write_bytes((FIXTURES / "wire.html").read_bytes())
    (tmp_path / "news" / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "notes.json").write_text("{}", encoding="utf-8")
    documents = read_documents(
        [f"{server}/storm.html", tmp_path / "news", "-", tmp_path / "news" / "b.txt"],
        stdin=io.BytesIO(PLAIN.encode()),
    )
    assert [d.path for d in documents] == [
        f"{server}/storm.html",
        str(tmp_path / "news" / "a.html"),
        str(tmp_path / "news" / "b.txt"),
        "<stdin>",
    ]  # b.txt, named again after its folder, is read once


# --- languages and single articles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            "Ein schwerer Sturm hat am Montag die Nordküste getroffen und Tausende Bewohner gezwungen, ihre "
            "Häuser zu verlassen. Die Behörden sagten, der Sturm habe Winde von 190 Kilometern pro Stunde und "
            "schwere Überschwemmungen an die Küste gebracht.",
            "common English words",
        ),
        (
            "Una poderosa tormenta azotó la costa norte el lunes, obligando a miles de residentes a huir de sus "
            "hogares. Las autoridades dijeron que la tormenta trajo vientos de 190 kilómetros por hora y fuertes "
            "inondaciones a la costa.",
            "common English words",
        ),
        (
            "Мощный шторм обрушился на северное побережье в понедельник, вынудив тысячи жителей покинуть свои дома.",
            "mostly Cyrillic script",
        ),
        ("周一，一场强烈的风暴袭击了北部海岸，迫使数千名居民逃离家园。", "mostly Chinese or Japanese script"),
        (
            "عاصفة قوية ضربت الساحل الشمالي يوم الاثنين وأجبرت آلاف السكان على الفرار من منازلهم.",
            "mostly Arabic script",
        ),
    ],
)
def test_text_in_another_language_is_refused_by_name(tmp_path, text, reason):
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SummarizeError, match=reason) as caught:
        read_documents([path])
    assert str(caught.value).startswith(f"{path}: the text is not English")


def test_english_articles_pass_the_language_check(story):
    for document in (*story, *sample_documents()):
        assert not_english_reason(document.text) is None
    assert not_english_reason("Storm update. Ouragan, tempête!") is None  # too short to judge: not refused


def test_a_single_article_is_a_single_source_brief_and_says_so(embedder, story):
    brief = build_brief(story[:1], embedder, BriefSettings(words=60))
    assert brief.sentences and all(not item.also_in for item in brief.sentences)
    assert to_dict(brief)["single_source"] is True
    assert "single_source" not in to_dict(build_brief(story, embedder, BriefSettings(words=60)))
    markdown = to_markdown(brief)
    assert "*Briefing from 1 source (a single article)" in markdown and "Only one article was given" in markdown


# --- where the brief may be written --------------------------------------------------------------------


def test_the_output_may_not_replace_any_kind_of_input(tmp_path):
    page, data = tmp_path / "page.html", tmp_path / "data.jsonl"
    page.write_bytes((FIXTURES / "storm.html").read_bytes())
    write_clusters(data, 1)
    for target, inputs in [(page, [page]), (data, [data]), (page, [tmp_path]), (tmp_path / "link.html", [page])]:
        if target.name == "link.html":
            target.symlink_to(page)
        with pytest.raises(SummarizeError, match="refusing to overwrite an input"):
            check_output_path(target, article_paths(inputs))
    check_output_path(tmp_path / "brief.md", article_paths([page, data, "-", "http://127.0.0.1:9/x"]))  # fine


def test_help_and_reading_text_files_import_no_html_machinery(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = (
        "import sys; from click.testing import CliRunner; from summarize.cli.main import main;"
        "r = CliRunner().invoke(main, ['brief', '--help']); assert r.exit_code == 0, r.output;"
        "from summarize.inputs.documents import read_documents; read_documents([sys.argv[1]]);"
        "heavy = {'trafilatura', 'lxml', 'charset_normalizer', 'urllib.request'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def test_a_folder_file_named_twice_is_one_input(tmp_path):
    from summarize.inputs.documents import _inputs

    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    kinds = [kind for kind, _ in _inputs([tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"])]
    assert kinds == ["file"]
