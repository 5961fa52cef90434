"""The who/ modules import each other without a cycle (lazy, function-level imports included)."""
import ast
from pathlib import Path

import eventcoder.extract.who as who

WHO = Path(who.__file__).parent


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in WHO.glob("*.py"):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    deps.add(node.module.split(".")[0])
                else:
                    deps.update(alias.name for alias in node.names)
        graph[path.stem] = {d for d in deps if (WHO / f"{d}.py").exists()}
    return graph


def _cycle(graph: dict[str, set[str]]):
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return path + [dep]
            if dep not in state:
                found = visit(dep, path + [dep])
                if found:
                    return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [node])
            if found:
                return found
    return None


def test_who_modules_have_no_import_cycle():
    assert _cycle(_graph()) is None


def test_cycle_finder_sees_a_cycle():
    assert _cycle({"actors": {"roles"}, "roles": {"actors"}}) == ["actors", "roles", "actors"]


def test_actors_does_not_import_roles():
    graph = _graph()
    assert "roles" not in graph["actors"] and "actors" in graph["roles"]
