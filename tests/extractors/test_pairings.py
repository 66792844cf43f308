"""Pairings (山海协作, 对口支援) on the seeds and on one inline case per rule."""
import json

import pytest
from tests.helpers import GOLD, load_seed, scorer, seed_file

from govkg.extractors import pairings
from govkg.extractors.layout import normalize
from govkg.extractors.records import to_json


def _f1(prefix: str) -> float:
    """score.py's F1 for this extractor's records alone against the seed's gold."""
    judge = scorer()
    name = seed_file(prefix).stem
    gold = json.loads((GOLD / f"{name}.json").read_text("utf-8"))
    pred = {"pairings": [to_json(r) for r in pairings.extract(load_seed(prefix))]}
    row = judge.score(pred, gold).get("pairings")
    if row is None:   # neither side has any: nothing to get wrong
        return 1.0
    return judge.prf(row["tp"], row["pred"], row["gold"])[2]


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_pairings_floor_against_gold(prefix):
    assert _f1(prefix) >= 0.90


def _pairs(text: str, name="温州市人民政府公报"):
    issue = normalize(f"{name}（总第1期） 政务简讯\n{text}")
    return [(p.a, p.b, p.kind) for p in pairings.extract(issue)]


def test_gazetteer_resolves_short_and_abbreviated_names():
    assert pairings.resolve("泰顺").full == "泰顺县"
    assert pairings.resolve("鹿城区").full == "鹿城区"
    assert pairings.resolve("鹿", home="温州市").full == "鹿城区"
    assert pairings.resolve("鹿") is None               # only inside a home city
    assert pairings.resolve("格尔木").parent == "海西蒙古族藏族自治州"


def test_dash_pair_before_enclave_word():
    assert _pairs("推动鹿城—泰顺“飞地”总部经济园区建设。") == [("鹿城区", "泰顺县", "山海协作")]


def test_one_character_abbreviations_before_enclave_word():
    assert _pairs("推动鹿—泰“飞地”创新平台建设。") == [("鹿城区", "泰顺县", "山海协作")]


def test_counterpart_support_meeting_title():
    assert _pairs("温州市—格尔木市对口支援工作座谈会召开。") == [("温州市", "格尔木市", "对口支援")]


def test_a_with_b_established_counterpart_support():
    assert _pairs("温州与格尔木于2010年建立对口支援关系。") == [("温州市", "格尔木市", "对口支援")]


def test_both_places_pairs_home_with_the_place_of_the_report():
    text = "青海省格尔木市党政代表团来温考察。\n格尔木市委书记出席。两地自启动对口支援工作以来，成效显著。"
    assert _pairs(text) == [("温州市", "格尔木市", "对口支援")]


def test_a_dash_without_partnership_word_is_not_a_pair():
    # A meeting named after two places, as in seed 000's diary.
    assert _pairs("△ 副市长苗伟伦参加阿拉尔市-温州市产业对接会。") == []


def test_shredded_table_row_with_the_kind_of_the_document_above():
    above = "关于打造山海协作工程升级版的实施意见\n" + "推进山海协作工程。\n" * 2
    table = "\n".join(["1", "泰", "顺", "-鹿", "城", "2.", "06", "5"])
    assert _pairs(above + table + "\n结束了的一段话很长很长。") == [("泰顺县", "鹿城区", "山海协作")]


def test_shredded_run_without_a_partnership_document_is_not_a_pair():
    table = "\n".join(["1", "泰", "顺", "-鹿", "城", "2.", "06"])
    assert _pairs("某某统计表\n" + table + "\n结束了的一段话很长很长。") == []


def test_seed_000_table_pairs_cite_their_raw_lines():
    found = {(p.a, p.b): p for p in pairings.extract(load_seed("000"))}
    assert found[("苍南县", "龙湾区")].source.line == 406
    assert found[("平阳县", "乐清市")].source.quote == "平阳-乐清"


def test_a_with_b_paired_within_the_province():
    assert _pairs("鹿城区与泰顺县结对以来，合作不断深化。") == [("鹿城区", "泰顺县", "山海协作")]


def test_a_pairing_across_provinces_is_not_shanhai_cooperation():
    assert _pairs("瓯海区与格尔木市结对以来，合作不断深化。") == [("瓯海区", "格尔木市", "other")]
    assert pairings.province_of(pairings.resolve("格尔木")) == "青海省"
