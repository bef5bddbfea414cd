#!/usr/bin/env python3
"""Draw the module import graph of src/ and list its circles.

Each .rs file is a node (src/a/b.rs and src/a/b/mod.rs are `a::b`). An edge A -> B is a `use`
(or a `crate::`/`super::` path in code) in A that names B or something inside B. Re-exports in
a mod.rs of its own children are not edges back to the parent. Exit code 1 when there is a circle.

    python3 scripts/import-graph.py            # circles only
    python3 scripts/import-graph.py --edges    # every edge too
"""
import re, sys, pathlib, itertools

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src"

def module_of(path):
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return "::".join(parts) or "crate"

def strip(code):
    code = re.sub(r"//[^\n]*", "", code)
    return re.sub(r'"(\\.|[^"\\])*"', '""', code)

files = {module_of(p): p for p in ROOT.rglob("*.rs")}
modules = set(files)

def resolve(current, path):
    """The longest known module that `path` (a::b::c as written in `current`) points into."""
    parts = path.split("::")
    base = current.split("::") if current != "crate" else []
    # In a file that is not a mod.rs, `super` is the parent of its module.
    if parts[0] == "crate":
        absolute = parts[1:]
    elif parts[0] in ("super", "self"):
        here = base[:]
        while parts and parts[0] in ("super", "self"):
            if parts[0] == "super":
                here = here[:-1]
            parts = parts[1:]
        absolute = here + parts
    else:
        # A child module named relative to a mod.rs (edition 2018+ `use child::x`).
        absolute = base + parts
        if "::".join(absolute[: len(base) + 1]) not in modules:
            return None
    for n in range(len(absolute), 0, -1):
        name = "::".join(absolute[:n])
        if name in modules:
            return name
    return None

edges = {}
for module, path in files.items():
    code = strip(path.read_text())
    targets = set()
    for use in re.findall(r"\buse\s+([^;]+);", code):
        use = use.replace("pub ", "").strip()
        # expand one level of braces: a::{b, c::d}
        m = re.match(r"([\w:]+)::\{(.*)\}$", use, re.S)
        paths = [m.group(1) + "::" + p.strip().split(" as ")[0] for p in m.group(2).split(",") if p.strip()] if m else [use.split(" as ")[0]]
        for p in paths:
            p = re.sub(r"::\{.*", "", p, flags=re.S).strip()
            t = resolve(module, p)
            if t and t != module:
                targets.add(t)
    for p in re.findall(r"\b((?:crate|super)(?:::\w+)+)", code):
        t = resolve(module, p)
        if t and t != module:
            targets.add(t)
    # A parent re-exporting or declaring its children is not an import of them.
    edges[module] = {t for t in targets if not t.startswith(module + "::")} if module != "crate" else set()

def circles():
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = itertools.count()
    def visit(v):
        index[v] = low[v] = next(counter); stack.append(v); on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index: visit(v)
    return out

if "--edges" in sys.argv:
    for m in sorted(edges):
        for t in sorted(edges[m]):
            print(f"{m} -> {t}")
found = circles()
for comp in found:
    inner = [f"{a} -> {b}" for a in comp for b in sorted(edges[a]) if b in comp]
    print("circle:", ", ".join(comp)); print("   ", "; ".join(inner))
print(f"{len(files)} modules, {sum(len(e) for e in edges.values())} edges, {len(found)} circles")
sys.exit(1 if found else 0)
