"""Reading a tagged PDF back (pikepdf): what each page draws, inside which marked content, and
the structure tree's elements in their order."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = TEXT_SHOWING | {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"}


@dataclass
class Drawn:
    page: int  # 1-based
    operator: str
    mcid: int | None  # the innermost marked content with an MCID around it
    artifact: bool


@dataclass
class Leaf:
    role: str
    path: tuple[str, ...]  # roles from the Document down
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID)
    node: object = None


def drawn(pdf: pikepdf.Pdf) -> list[Drawn]:
    """Every painting operator on every page, with the marked content it is in."""
    out = []
    for number, page in enumerate(pdf.pages, start=1):
        stack: list[tuple[str, int | None]] = []
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            if operator == "BMC":
                stack.append((str(instruction.operands[0]), None))
            elif operator == "BDC":
                tag, properties = instruction.operands
                mcid = (
                    properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
                )
                stack.append((str(tag), None if mcid is None else int(mcid)))
            elif operator == "EMC":
                stack.pop()
            elif operator in PAINTING:
                mcid = next((m for _t, m in reversed(stack) if m is not None), None)
                artifact = any(tag == "/Artifact" for tag, _m in stack)
                out.append(Drawn(number, operator, mcid, artifact))
        assert not stack, f"page {number}: marked content left open"
    return out


def elements(pdf: pikepdf.Pdf) -> list[Leaf]:
    """The structure elements in tree order, each with the marked content it holds itself."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    out: list[Leaf] = []

    def walk(node: pikepdf.Dictionary, path: tuple[str, ...]) -> None:
        role = str(node.S)[1:]
        here = Leaf(role, (*path, role), node=node)
        out.append(here)
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        page = pages.get(node.Pg.objgen) if "/Pg" in node else None
        for kid in kids:
            if isinstance(kid, int):
                assert page is not None, f"{role}: an MCID without a page"
                here.marks.append((page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                here.marks.append((pages[kid.Pg.objgen], int(kid.MCID)))
            else:
                walk(kid, here.path)

    tree = pdf.Root.StructTreeRoot
    top = tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]
    for node in top:
        walk(node, ())
    return out


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def coverage_problems(data: bytes) -> list[str]:
    """What a screen reader would miss or read out of order; empty when all is well."""
    problems = []
    with open_pdf(data) as pdf:
        ops = drawn(pdf)
        leaves = elements(pdf)
        in_tree = [mark for leaf in leaves for mark in leaf.marks]
        referenced = set(in_tree)
        for op in ops:
            if op.artifact:
                continue
            if op.mcid is None:
                problems.append(f"page {op.page}: {op.operator} neither tagged nor an artifact")
            elif (op.page, op.mcid) not in referenced:
                problems.append(f"page {op.page}: MCID {op.mcid} not in the structure tree")
        if len(in_tree) != len(referenced):
            problems.append("an MCID is held by two elements")
        if in_tree != sorted(in_tree):
            problems.append(f"the tree's order is not the order drawn: {in_tree}")
        tree = pdf.Root.StructTreeRoot
        parents = pikepdf.NumberTree(tree.ParentTree)
        for leaf in leaves:
            for page, mcid in leaf.marks:
                key = int(pdf.pages[page - 1].obj.StructParents)
                if parents[key][mcid].objgen != leaf.node.objgen:
                    problems.append(f"page {page}: ParentTree points MCID {mcid} elsewhere")
    return problems
