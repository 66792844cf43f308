"""graph/ knows no Chinese: no CJK character in the code of graph/*.py outside comments and
docstrings. Chinese words the graph side needs come through data (ontology/govkg.ttl labels,
graph/templates, extractors/data) or through a judgement of extractors/textforms.py.
graph/resolve.py is left out: it reads names and moves to extractors/.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

GRAPH = Path(__file__).resolve().parents[2] / "graph"
EXEMPT = {"resolve.py"}
#: CJK punctuation, ideographs (with extension A) and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def docstring_lines(tree: ast.Module) -> set[int]:
    """First lines of the docstrings of the module, its classes and functions."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.add(first.lineno)
    return lines


def cjk_in_code(source: str) -> list[tuple[int, str]]:
    """(line, token) for each token of `source` holding a CJK character, except comments and
    docstrings."""
    docs = docstring_lines(ast.parse(source))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT or (tok.type == tokenize.STRING and tok.start[0] in docs):
            continue
        if CJK.search(tok.string):
            found.append((tok.start[0], tok.string))
    return found


def graph_modules() -> list[Path]:
    return sorted(p for p in GRAPH.glob("*.py") if p.name not in EXEMPT)


@pytest.mark.parametrize("path", graph_modules(), ids=lambda p: p.name)
def test_graph_code_holds_no_chinese(path):
    found = cjk_in_code(path.read_text("utf-8"))
    assert not found, f"{path.name}: Chinese in code (move it to data or extractors/textforms.py): {found[:5]}"


def test_the_check_sees_strings_f_strings_and_regexes_but_not_comments_or_docstrings():
    source = '''"""模块说明。"""
import re

def f(x):
    """函数说明。"""
    # 注释
    return x

A = {"山海协作": 1}
B = f"{1}年第{2}期"
C = re.compile(r"(局|委员会)$")
'''
    lines = sorted({line for line, _ in cjk_in_code(source)})
    assert lines == [9, 10, 11]


def test_graph_modules_are_found():
    names = {p.name for p in graph_modules()}
    assert {"mapping.py", "network.py", "viz.py", "server.py"} <= names and "resolve.py" not in names
