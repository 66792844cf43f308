"""Inputs as users hold them: gazette PDFs, web pages and text files, told apart by content.

Fixtures (tests/fixtures/inputs/README.md): a real official-layout PDF with its checked text,
two real pages whose fonts give Latin-1 mojibake in many readers, a synthetic two-column page
set with both columns on the same baselines, and a real 人事任免 web page.
"""
from __future__ import annotations

import difflib
import hashlib
import io
import json
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.extractors import documents
from govkg.extractors.layout import input_kind, load_issue
from govkg.extractors.reading import InputError
from govkg.extractors.records import to_json
from govkg.extractors.registry import extract_all
from govkg.extractors.sources import (
    ocr_reading_order,
    read_source,
    repair_mojibake,
    sniff,
)
from tests.helpers import load_seed

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"
SEEDS = Path(__file__).resolve().parents[2] / "govkg" / "data" / "seeds"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- the kind of input is read from its bytes ---------------------------------------------


def test_kind_is_found_from_content_not_name(tmp_path):
    pdf = tmp_path / "notice.txt"
    pdf.write_bytes((HERE / "397.pdf").read_bytes())
    html = tmp_path / "notice.dat"
    html.write_bytes((HERE / "pingtan_rsrm_15471_article_excerpt.html").read_bytes())
    text = tmp_path / "notice.html"
    text.write_bytes((HERE / "397.txt").read_bytes())
    assert read_source(pdf).format == "pdf"
    assert read_source(html).format == "html"
    assert read_source(text).format == "text"


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<div><p>\xe9\x80\x9a\xe7\x9f\xa5</p><p>a</p><br></div>", "html"),   # a page saved without its head
        ("各县（市、区）人民政府：\n经研究决定：<附件>".encode(), "text"),
        (b"PK\x03\x04\x14\x00", "zip"),
    ],
)
def test_sniff(data, kind):
    assert sniff(data) == kind


def test_every_input_records_its_files_sha256():
    for name in ("397.pdf", "397.txt", "pingtan_rsrm_15471_article_excerpt.html"):
        path = HERE / name
        issue = load_issue(path)
        assert issue.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert issue.origin is not None and issue.origin.format == path.suffix[1:].replace("txt", "text")


# --- PDF --------------------------------------------------------------------------------------


def test_official_layout_pdf_reads_as_its_checked_text():
    got = squash(read_source(HERE / "397.pdf").text)
    want = squash((HERE / "397.txt").read_text("utf-8"))
    ratio = difflib.SequenceMatcher(None, got, want, autojunk=False).ratio()
    assert ratio >= 0.99, ratio


def test_official_layout_pdf_gives_its_document_and_the_page_it_was_read_on():
    issue = load_issue(HERE / "397.pdf")
    assert input_kind(issue) == "document"
    found = extract_all(issue)
    (doc,) = [d for d in found["documents"] if d.doc_number == "发改办财金规〔2019〕860号"]
    assert doc.title == "关于加强个人所得税纳税信用建设的通知"
    assert doc.date == "2019-08-20"
    # Both bodies that signed it are read (today the documents room joins the two signature
    # lines into one name; see test_joint_signature_lines_are_two_issuers).
    assert "".join(doc.issuers) == "国家发展改革委办公厅税务总局办公厅"
    assert doc.source.page == 1
    row = to_json(doc)
    assert row["page"] == 1 and list(row).index("page") == list(row).index("line") + 1


def test_joint_signature_lines_are_two_issuers():
    issue = load_issue(HERE / "397.pdf")
    (doc,) = [d for d in documents.extract(issue) if d.doc_number == "发改办财金规〔2019〕860号"]
    assert doc.issuers == ("国家发展改革委办公厅", "税务总局办公厅")


def test_page_furniture_stands_on_lines_of_its_own():
    src = read_source(HERE / "SYNTHETIC_wenzhou_214_p14-17_alignedcols.pdf")
    heads = [ln for ln in src.lines if "温州市人民政府公报（总第214期）" in ln]
    assert len(heads) == 4 and all(ln.strip().startswith("温州市人民政府公报") for ln in heads)
    assert any(re.fullmatch(r"\s*·\s*17\s*·", ln) for ln in src.lines)
    # Each page's text starts with one space, as a PDF-to-text tool prints it.
    firsts = [src.lines[src.pages.index(p)] for p in (1, 2, 3, 4)]
    assert all(ln.startswith(" ") and not ln.startswith("  ") for ln in firsts)


def test_signature_set_flush_right_is_indented_like_a_text_file():
    src = read_source(HERE / "SYNTHETIC_wenzhou_214_p14-17_alignedcols.pdf")
    (sig,) = [ln for ln in src.lines if ln.strip() == "2020年6月24日"]
    assert len(sig) - len(sig.lstrip()) >= 8


def test_two_columns_on_shared_baselines_keep_their_reading_order():
    """Readers that sort text by position interleave two columns set on one baseline grid;
    every sentence read from this page must be a sentence of the samples it was set from."""
    issue = load_issue(HERE / "SYNTHETIC_wenzhou_214_p14-17_alignedcols.pdf")
    samples = "".join(squash(p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt")))
    sentences = [s for s in re.split(r"[。；：\n]", issue.text) if len(squash(s)) >= 10]
    read_right = [s for s in sentences if squash(s) in samples]
    assert len(sentences) > 50
    assert len(read_right) >= 0.95 * len(sentences)


def test_facts_carry_the_pdf_page_they_were_read_on():
    issue = load_issue(HERE / "SYNTHETIC_wenzhou_214_p14-17_alignedcols.pdf")
    found = extract_all(issue)
    (doc,) = [d for d in found["documents"] if d.doc_number == "温政发〔2020〕10号"]
    assert doc.date == "2020-06-24" and doc.issuers == ("温州市人民政府",)
    assert doc.source.page == 1
    # The 人事任免 section is set on the third page and runs onto the fourth.
    pages = {a.source.page for a in found["appointments"]}
    assert pages and pages <= {3, 4} and 3 in pages
    assert {r.source.page for r in found["responsibilities"]} <= {1, 2}


def test_text_input_has_no_pages():
    issue = load_issue(HERE / "397.txt")
    (doc,) = extract_all(issue)["documents"]
    assert doc.source.page is None and "page" not in to_json(doc)


def test_gbk_mojibake_is_repaired():
    # 目　　录 in GBK bytes shown as Latin-1, as readers print a non-embedded 小标宋.
    assert repair_mojibake("Ä¿¡¡¡¡Â¼") == "目　　录"
    assert repair_mojibake("µÚÒ»Ìõ 2019") == "第一条 2019"
    # Latin text and text that is not GBK stay as they are.
    assert repair_mojibake("café au lait") == "café au lait"
    assert repair_mojibake("温州市 2019 年") == "温州市 2019 年"
    assert repair_mojibake("关于红军作战的原则…………１") == "关于红军作战的原则…………１"


@pytest.mark.parametrize("name, words", [("XiaoBiaoSong.pdf", "关于红军作战的原则"), ("SimFang-variant.pdf", "全世界无产者")])
def test_pages_with_gbk_named_fonts_come_out_chinese(name, words):
    text = read_source(HERE / name).text
    assert words in squash(text)
    assert not re.search(r"[\x80-\xff]{2}", text)


# --- scanned pages -------------------------------------------------------------------------


def _image_pdf(bitmap, width: float, height: float) -> bytes:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(width, height)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _scan_of_397_head() -> bytes:
    """The top of 397.pdf's first page as a scanner gives it: an image, no text layer."""
    page = pdfium.PdfDocument(HERE / "397.pdf")[0]
    width, height = page.get_size()
    crop = (0, height * 0.55, 0, height * 0.08)        # left, bottom, right, top
    bitmap = page.render(scale=150 / 72, crop=crop)
    return _image_pdf(bitmap, width, height * 0.37)


def test_scanned_page_without_the_ocr_extra_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)   # import fails
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scan_of_397_head())
    with pytest.raises(InputError, match=r"page 1 is a scanned image.*pip install 'govkg\[ocr\]'") as err:
        read_source(path)
    assert str(path) in str(err.value)


def test_scanned_page_is_recognised_with_the_ocr_extra(tmp_path):
    pytest.importorskip("rapidocr_onnxruntime")
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scan_of_397_head())
    src = read_source(path)
    assert src.ocr is True and src.format == "pdf"
    assert "关于加强个人所得税纳税信用建设的通知" in squash(src.text)
    assert set(src.pages) == {1}


def test_ocr_boxes_of_two_columns_are_read_column_by_column():
    # (x0, top, x1, bottom, text) in points on an A4 page: running head, two columns on
    # shared baselines, a page number in the middle of the gutter.
    boxes = [
        (60, 40, 200, 52, "温州市人民政府公报（总第214期）"), (480, 40, 530, 52, "人事任免"),
        (60, 100, 290, 112, "市政府决定："), (305, 100, 535, 112, "免去张三温州市某某局"),
        (60, 120, 290, 132, "任命李四为温州市某某局副局长；"), (305, 120, 535, 132, "副局长职务。"),
        (285, 800, 310, 812, "· 14 ·"),
    ]
    lines = [ln.text for ln in ocr_reading_order(boxes, 595, 842)]
    assert lines == [
        "温州市人民政府公报（总第214期） 人事任免",
        "市政府决定：", "任命李四为温州市某某局副局长；",
        "免去张三温州市某某局", "副局长职务。",
        "· 14 ·",
    ]


# --- web pages -------------------------------------------------------------------------------


def test_web_page_gives_its_article_and_metadata():
    src = read_source(HERE / "pingtan_rsrm_15471_article_excerpt.html")
    assert src.format == "html" and src.pages == []
    assert src.metadata["title"] == "平潭综合实验区党工委关于魏长春等同志职务任免的通知"
    assert src.metadata["published"] == "2019-08-14"
    assert src.metadata["column"] == "人事任免"
    assert src.metadata["source"] == "平潭综合实验区党工委党群工作部"
    assert src.metadata["url"].endswith("t20190814_15471.htm")
    body = [ln.strip() for ln in src.lines]
    # Paragraphs stay paragraphs; the signature, which repeats the header's issuing body, is kept.
    assert "经研究决定：" in body
    assert body[-2:] == ["平潭综合实验区党工委", "2019年7月26日"]
    assert any(ln.startswith("郑胜同志任") and ln.endswith("（试用期一年）；") for ln in body)


def test_web_page_gives_its_document():
    issue = load_issue(HERE / "pingtan_rsrm_15471_article_excerpt.html")
    assert input_kind(issue) == "document"
    (doc,) = extract_all(issue)["documents"]
    assert doc.title == "平潭综合实验区党工委关于魏长春等同志职务任免的通知"
    assert doc.issuers == ("平潭综合实验区党工委",)
    assert doc.date == "2019-07-26"


def test_web_page_information_table_is_kept(tmp_path):
    # The information table as a city finance bureau's page prints it (real wording), above
    # an article body (real wording of a joint notice), between a menu and a footer.
    page = """<html><head><meta charset="utf-8"><title>政策文件</title></head><body>
    <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/zcwj">政策文件</a></div>
    <table class="JD_table_key02">
      <tr><td>报送单位：</td><td>市财政局</td><td>主题分类：</td><td></td></tr>
      <tr><td>发文字号：</td><td>津财采〔2019〕1号</td><td>成文日期：</td><td>2019-01-04</td></tr>
      <tr><td>标　　题：</td><td colspan="3">天津市财政局关于做好政府采购定向支持中小企业有关工作的通知</td></tr>
    </table>
    <div id="mainContent">
    <p>各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门：</p>
    <p>为贯彻落实《中华人民共和国个人所得税法》及其实施条例，强化个人所得税纳税信用协同共治，促进纳税人依法诚信纳税，现就加强个人所得税纳税信用建设有关事项通知如下。</p>
    <p>一、总体要求</p></div>
    <div class="footer">主办单位：市财政局 版权所有 网站标识码</div></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    src = read_source(path)
    assert src.metadata["doc_number"] == "津财采〔2019〕1号"
    assert src.metadata["date"] == "2019-01-04"
    assert src.metadata["title"] == "天津市财政局关于做好政府采购定向支持中小企业有关工作的通知"
    assert "发文字号: 津财采〔2019〕1号" in src.lines       # the header pagemeta reads
    assert "首页" not in src.text and "版权所有" not in src.text
    assert src.lines[-3:] == [
        "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门：",
        (
            "为贯彻落实《中华人民共和国个人所得税法》及其实施条例，强化个人所得税纳税信用协同共治，"
            "促进纳税人依法诚信纳税，现就加强个人所得税纳税信用建设有关事项通知如下。"
        ),
        "一、总体要求",
    ]


def test_right_aligned_signature_is_indented_and_read(tmp_path):
    page = """<html><body><div class="TRS_Editor">
    <p>关于加强个人所得税纳税信用建设的通知</p>
    <p>各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门：</p>
    <p>各地区、各部门要充分利用报纸、广播、电视、网络等渠道，做好个人所得税改革的政策解读和舆论引导，加大依法诚信纳税的宣传力度。</p>
    <p style="text-align: right;">国家发展改革委办公厅</p>
    <p align="right">2019年8月20日</p></div></body></html>"""
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    src = read_source(path)
    signature = [ln for ln in src.lines if ln.strip() in ("国家发展改革委办公厅", "2019年8月20日")]
    assert len(signature) == 2 and all(len(ln) - len(ln.lstrip()) >= 8 for ln in signature)
    (doc,) = extract_all(load_issue(path))["documents"]
    assert doc.issuers == ("国家发展改革委办公厅",) and doc.date == "2019-08-20"


def test_gbk_web_page_is_decoded(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>' \
        "<div><p>温州市人民政府关于调整市政府领导分工的通知</p><p>各县（市、区）人民政府，市政府直属各单位：</p>" \
        "<p>因人事变动和根据工作需要，经研究，决定对市政府领导分工作相应调整，现将调整后的市政府领导分工通知如下。</p></div></body></html>"
    path = tmp_path / "gbk.htm"
    path.write_bytes(page.encode("gbk"))
    assert "决定对市政府领导分工作相应调整" in read_source(path).text


# --- bad files: one line naming the file, exit 1, nothing written --------------------------------


def _encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, b"ab" * 16, b"ab" * 16, xref)
    return out


def _blank_pdf() -> bytes:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(200, 200)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


BAD = [
    ("encrypted.pdf", _encrypted_pdf, "PDF is encrypted"),
    ("corrupt.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "not a readable PDF"),
    ("truncated.pdf", lambda: (HERE / "397.pdf").read_bytes()[:4000], "not a readable PDF"),
    ("blank.pdf", _blank_pdf, "PDF has no text"),
    ("menu.html", lambda: "<html><body><ul><li><a href='/'>首页</a></li><li><a href='/a'>政务公开</a></li></ul></body></html>".encode(),
     "web page has no article text"),
    ("report.docx", lambda: b"PK\x03\x04" + bytes(200), "binary file (a ZIP archive"),
]


@pytest.mark.parametrize("name, make, problem", BAD)
def test_bad_file_is_refused_in_one_line_naming_it(tmp_path, name, make, problem):
    path = tmp_path / name
    path.write_bytes(make())
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    line = (result.stderr if hasattr(result, "stderr") else result.output).strip()
    assert len(line.splitlines()) == 1 and str(path) in line and problem in line, line


def test_build_refuses_a_bad_pdf_and_leaves_the_store_untouched(tmp_path):
    bad = tmp_path / "encrypted.pdf"
    bad.write_bytes(_encrypted_pdf())
    store = tmp_path / "kg"
    result = CliRunner().invoke(main, ["build", str(HERE / "397.pdf"), str(bad), "--store", str(store)])
    assert result.exit_code == 1
    assert "PDF is encrypted" in (result.stderr if hasattr(result, "stderr") else result.output)
    assert not store.exists() or not any(store.iterdir())


def test_extract_json_of_a_pdf_writes_page_beside_line(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(HERE / "397.pdf")])
    assert result.exit_code == 0
    data = json.loads(result.stdout if hasattr(result, "stdout") else result.output)
    (doc,) = data["documents"]
    assert doc["line"] >= 1 and doc["page"] == 1


# --- a whole issue set by a tool that flows the text (pages of the synthetic 003 PDF) --------

ISSUE_003_PAGES = HERE / "SYNTHETIC_full_003_offsetcols_cut.pdf"


def test_printed_line_is_read_whole_where_pdfium_marks_breaks_inside_it():
    # Its page also sets a table heading vertically: PDFium marks a line break at every run
    # of the page's text, also inside the printed lines of the column beside it.
    src = read_source(ISSUE_003_PAGES)
    (i,) = [i for i, ln in enumerate(src.lines) if "附件：温州" in ln]
    assert src.lines[i].strip() == "创造和社会价值在全社会得到尊重。附件：温州"
    assert src.lines[i + 1].strip() == "市养老服务高质量发展三年行动“2020奋进年”"


def test_pages_of_a_whole_issue_read_as_its_text_reads():
    """Pages 1-2, 6-8, 13-15, 20 and 29-31 of seed 003 set as a two-column gazette by a tool
    that runs paragraphs together: titles run into the text, a full stop opens a line, numbers
    land inside sentences. What the pages print is read as the seed's text reads it."""
    issue = load_issue(ISSUE_003_PAGES)
    found = extract_all(issue)
    text = extract_all(load_seed("003"))
    pdf_docs = {(d.doc_number, d.title) for d in found["documents"]}
    assert pdf_docs <= {(d.doc_number, d.title) for d in text["documents"]}
    assert {n for n, _ in pdf_docs} >= {"温政发〔2020〕10号", "温政办〔2020〕57号", "温政办〔2020〕59号", "温综法发〔2020〕32号", "温综法发〔2020〕36号"}
    # The division of work is printed whole on these pages: every duty as the text has it.
    duties = {(r.person, r.relation, r.object) for r in found["responsibilities"] if r.person in ("孙维国", "娄绍光")}
    assert duties == {(r.person, r.relation, r.object) for r in text["responsibilities"] if r.person in ("孙维国", "娄绍光")}
    assert len(duties) > 20
