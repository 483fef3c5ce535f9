"""The skeleton loader: the parse floor plus the least a *formatting* checker must add to it.

It parses the same parts as ``parse_floor`` and keeps, per paragraph and per run, one frozen
record holding its text and a formatting identity (its ``w:pPr``/``w:rPr`` reduced to a hashable
key and looked up in a per-document memo). No style cascade, no recognition, no rules, no report.
Its cost above the floor is the price of having a per-run model at all in CPython; the 3× target
of issue 6 has to fit the cascade, the recognition, fifty-odd rules and the findings into what
is left (benchmarks/README.md, "why the 3× target is not met").
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass

from lxml import etree
from parse_floor import _PARTS, _TEXT_PARTS, W

_P, _R, _T, _PPR, _RPR = (f"{W}{n}" for n in ("p", "r", "t", "pPr", "rPr"))


@dataclass(frozen=True, slots=True)
class SkeletonRun:
    text: str
    formatting: object


@dataclass(frozen=True, slots=True)
class SkeletonParagraph:
    index: int
    text: str
    runs: tuple[SkeletonRun, ...]
    formatting: object


def _key(el: etree._Element | None) -> object:
    if el is None:
        return None
    return el.tag, tuple(el.items()), el.text, tuple([_key(child) for child in el])


def skeleton(path: str) -> int:
    """Load one .docx into skeleton records; returns the number of paragraphs."""
    memo: dict[object, object] = {}
    paragraphs: list[SkeletonParagraph] = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not _PARTS.match(name):
                continue
            root = etree.fromstring(zf.read(name))
            if not _TEXT_PARTS.match(name):
                continue
            for p in root.iter(_P):
                runs = []
                for r in p.iter(_R):
                    rpr_key = _key(r.find(_RPR))
                    formatting = memo.setdefault(rpr_key, rpr_key)
                    runs.append(SkeletonRun("".join([t.text or "" for t in r.iter(_T)]), formatting))
                ppr_key = _key(p.find(_PPR))
                paragraphs.append(SkeletonParagraph(len(paragraphs), "".join(run.text for run in runs),
                                                    tuple(runs), memo.setdefault(ppr_key, ppr_key)))
    return len(paragraphs)
