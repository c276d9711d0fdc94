"""The layering the developers' guide promises, checked on the source itself:
all SQL lives in store/; no module imports one that imports it back (at any depth, counting
imports inside functions too); no `try/except ImportError` hides a broken module of the app.

Each detector is first shown to catch a known bad example, so a check that finds nothing
has been seen to find something."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "localnhs"
# Statements as this code base writes them: keywords in capitals (prose such as "Select a
# date from the list" is not SQL).
SQL = re.compile(
    r"\b(SELECT\s.+?\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
    r"CREATE\s+(VIRTUAL\s+)?(TABLE|INDEX|VIEW)\s|PRAGMA\s+\w+|ATTACH\s+)",
    re.DOTALL,
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def sql_strings(source: str) -> list[str]:
    """String constants (including f-string parts) that read as SQL statements."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.search(text):
                found.append(text)
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The app's modules a module imports, anywhere in it (top level or inside functions)."""
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def guarded_imports(source: str) -> list[int]:
    """Lines of `try:` blocks that import a localnhs module and catch ImportError."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Try):
            continue
        caught = set()
        for h in node.handlers:
            for n in ([h.type] if not isinstance(h.type, ast.Tuple) else h.type.elts) if h.type else []:
                if isinstance(n, ast.Name):
                    caught.add(n.id)
        if not caught & {"ImportError", "ModuleNotFoundError"}:
            continue
        for inner in ast.walk(ast.Module(body=node.body, type_ignores=[])):
            if isinstance(inner, ast.ImportFrom) and ((inner.module or "").startswith("localnhs") or inner.level):
                lines.append(node.lineno)
            elif isinstance(inner, ast.Import) and any(a.name.startswith("localnhs") for a in inner.names):
                lines.append(node.lineno)
    return lines


def memos_over_connections(source: str) -> list[int]:
    """Lines of functions memoised with functools (lru_cache / cache) whose first argument is a
    database connection: such a memo keeps every connection it saw alive and answers a reloaded
    build from the old one; the build's BuildCache (query/per_connection.py) is the place."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not node.args.args:
            continue
        if node.args.args[0].arg not in ("conn", "connection", "db"):
            continue
        for dec in node.decorator_list:
            target = dec.func if isinstance(dec, ast.Call) else dec
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name in ("lru_cache", "cache"):
                lines.append(node.lineno)
    return lines


def test_detectors_catch_known_bad_code():
    assert sql_strings('x = "SELECT count(DISTINCT region) FROM practice_release WHERE file = ?"')
    assert sql_strings('q = f"INSERT INTO postcode VALUES ({marks})"')
    assert not sql_strings('"Select a date from the list"') and not sql_strings('"update the data"')
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert guarded_imports("try:\n    from localnhs.web.pages import mount\nexcept ImportError:\n    pass\n") == [1]
    assert not guarded_imports("try:\n    import weasyprint\nexcept ImportError:\n    pass\n")
    assert memos_over_connections("@lru_cache(maxsize=8)\ndef releases(conn):\n    pass\n") == [2]
    assert memos_over_connections("@functools.cache\ndef f(conn, code):\n    pass\n") == [2]
    assert not memos_over_connections("@lru_cache(maxsize=1)\ndef templates(path):\n    pass\n")


def test_no_sql_outside_store():
    offenders = {}
    for name, path in _modules().items():
        if name.startswith("localnhs.store"):
            continue
        found = sql_strings(path.read_text())
        if found:
            offenders[name] = [s[:60] for s in found]
    assert not offenders, f"SQL belongs in src/localnhs/store/: {offenders}"


def test_no_import_cycle():
    mods = _modules()
    known = set(mods)
    graph = {name: imports_of(name, path, known) - {n for n in known if name.startswith(n + ".")}
             for name, path in mods.items()}
    found = cycles(graph)
    assert not found, f"import cycles: {found}"


def test_no_import_error_guard_around_own_modules():
    offenders = {name: guarded_imports(path.read_text()) for name, path in _modules().items()}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"a broken module would be silently skipped: {offenders}"


def test_no_memo_over_a_connection():
    offenders = {name: memos_over_connections(path.read_text()) for name, path in _modules().items()}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"memoise per build with query/per_connection.build_cache: {offenders}"


@pytest.mark.parametrize("layer,forbidden", [
    ("localnhs.sources", ("localnhs.store", "localnhs.query", "localnhs.web", "localnhs.api", "localnhs.cli")),
    ("localnhs.store", ("localnhs.query", "localnhs.web", "localnhs.api", "localnhs.cli")),
    ("localnhs.query", ("localnhs.web", "localnhs.api", "localnhs.cli", "localnhs.store.derive",
                        "localnhs.store.build", "localnhs.store.load_")),
])
def test_imports_only_run_down_the_layers(layer, forbidden):
    mods = _modules()
    known = set(mods)
    bad = {name: sorted(t for t in imports_of(name, path, known) if t.startswith(forbidden))
           for name, path in mods.items() if name.startswith(layer)}
    bad = {k: v for k, v in bad.items() if v}
    assert not bad, bad
