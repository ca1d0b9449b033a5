#!/usr/bin/env python3
"""Where the WebAssembly's bytes go: function body sizes by name, grouped by
crate, from a module built with names kept (`cargo build --profile
release-names --target wasm32-unknown-unknown`).

Usage: tools/wasm-sizes.py MODULE.wasm [TOP]"""
import re
import sys
import zlib
from collections import defaultdict


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def demangle(name):
    """Legacy Rust mangling (`_ZN…E`) to a path; v0 names are left as they are."""
    if not name.startswith("_ZN"):
        return name
    parts, pos = [], 3
    while pos < len(name) and name[pos].isdigit():
        end = pos
        while name[end].isdigit():
            end += 1
        length = int(name[pos:end])
        parts.append(name[end:end + length])
        pos = end + length
    path = "::".join(p for p in parts if not re.fullmatch(r"h[0-9a-f]{16}", p))
    for code, text in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","),
                       ("$u7b$", "{"), ("$u7d$", "}"), ("$BP$", "*"), ("$u27$", "'"), ("..", "::")):
        path = path.replace(code, text)
    return path.lstrip("_")


def main():
    data = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    imported = 0
    bodies = []
    names = {}
    data_size = 0
    for kind, body in sections(data):
        if kind == 2:  # imports: functions among them shift the indices
            count, pos = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    length, pos = leb(body, pos)
                    pos += length
                desc = body[pos]
                pos += 1
                if desc == 0:
                    _, pos = leb(body, pos)
                    imported += 1
                elif desc == 1:
                    pos += 1
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                elif desc == 2:
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                elif desc == 3:
                    pos += 2
        elif kind == 10:
            count, pos = leb(body, 0)
            for _ in range(count):
                size, pos = leb(body, pos)
                bodies.append(body[pos:pos + size])
                pos += size
        elif kind == 11:
            data_size = len(body)
        elif kind == 0:
            length, pos = leb(body, 0)
            if body[pos:pos + length] != b"name":
                continue
            pos += length
            while pos < len(body):
                sub = body[pos]
                size, pos = leb(body, pos + 1)
                if sub == 1:
                    count, p = leb(body, pos)
                    for _ in range(count):
                        index, p = leb(body, p)
                        length, p = leb(body, p)
                        names[index] = body[p:p + length].decode("utf-8", "replace")
                        p += length
                pos += size
    by_crate = defaultdict(lambda: [0, 0])
    rows = []
    for i, code in enumerate(bodies):
        name = names.get(imported + i, f"func{imported + i}")
        clean = demangle(name)
        match = re.match(r"^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)::", clean)
        crate = match.group(1) if match else clean.split("::")[0][:30]
        rows.append((len(code), clean))
        by_crate[crate][0] += len(code)
        by_crate[crate][1] += 1
    total = sum(len(b) for b in bodies)
    print(f"code {total/1024:.1f} KB in {len(bodies)} functions; data {data_size/1024:.1f} KB "
          f"(gzip of data {len(zlib.compress(b''.join([]), 9))})")
    print("\nby crate (raw KB, functions):")
    for crate, (size, count) in sorted(by_crate.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"  {size/1024:8.1f}  {count:5}  {crate}")
    print("\nlargest functions (raw bytes):")
    for size, name in sorted(rows, reverse=True)[:top]:
        print(f"  {size:7}  {name[:150]}")


main()
