"""A corpus of broken YAML files: each must be reported with its exact file, line, field and message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from fentkb.load import load_knowledge_base
from fentkb.problems import KnowledgeBaseError

BROKEN = sorted((Path(__file__).parent / "broken").glob("*.yaml"))


def tiny_kb(tmp_path: Path) -> Path:
    quizzes = tmp_path / "quizzes"
    shutil.copytree(FIXTURES / "kb", quizzes)
    return quizzes


def problems_for(quizzes: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(quizzes, FIXTURES / "papers")
    return sorted(str(p) for p in set(caught.value.problems.items))


def test_the_fixture_itself_is_sound(tmp_path: Path) -> None:
    kb = load_knowledge_base(tiny_kb(tmp_path), FIXTURES / "papers")
    assert [e.id for e in kb.evidence] == ["tiny-deaths", "tiny-spend"]


@pytest.mark.parametrize("case", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file_reports_exactly_its_problems(case: Path, tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    shutil.copy(case, quizzes / "broken.yaml")
    expected = sorted(line.removeprefix("# expect: ") for line in case.read_text().splitlines()
                      if line.startswith("# expect: "))
    assert expected, f"{case.name} states no expected problem"
    assert problems_for(quizzes) == expected


def test_non_utf8_bytes_are_named_with_their_line(tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    (quizzes / "broken.yaml").write_bytes(b"timeline:\n  - id: t-x\n    event: caf\xe9\n")
    assert problems_for(quizzes) == ["quizzes/broken.yaml:3: the file is not UTF-8 text: found byte 0xe9; "
                                     "save it as UTF-8"]


def test_crlf_line_ends_load_like_lf(tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    entries = quizzes / "tiny" / "entries.yaml"
    entries.write_bytes(entries.read_bytes().replace(b"\n", b"\r\n"))
    kb = load_knowledge_base(quizzes, FIXTURES / "papers")
    assert kb.evidence[1].figure == "$5 million"


def test_every_problem_of_several_files_is_listed_in_one_run(tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    for case in ("wrong-type", "dangling-ref", "bad-choice"):
        shutil.copy(Path(__file__).parent / "broken" / f"{case}.yaml", quizzes / f"{case}.yaml")
    files = {p.split(":")[0] for p in problems_for(quizzes)}
    assert files == {"quizzes/wrong-type.yaml", "quizzes/dangling-ref.yaml", "quizzes/bad-choice.yaml"}
    assert len(problems_for(quizzes)) == 1 + 1 + 4


def test_a_very_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    quizzes = tiny_kb(tmp_path)
    (quizzes / "huge.yaml").write_text("glossary: []\n" + "# padding\n" * 250_000)
    assert problems_for(quizzes) == ["quizzes/huge.yaml: file is too large: expected at most 2,000,000 bytes, "
                                     "found 2,500,013; split it into several files"]


def test_a_paper_url_must_be_a_web_address(tmp_path: Path) -> None:
    """A `javascript:` address would become a live link on the paper's page."""
    quizzes = tiny_kb(tmp_path)
    shutil.copy(Path(__file__).parent / "broken-replace" / "paper-url.yaml", quizzes / "tiny" / "paper.yaml")
    assert problems_for(quizzes) == ["quizzes/tiny/paper.yaml:8: paper.url: expected a web address starting with "
                                     "http:// or https://, found 'javascript:alert(1)'"]
