#!/usr/bin/env python3
"""Write a Regulamin's text form as an ODF flat text document made the way a
clerk's Word file is made, for LibreOffice to convert to DOCX.

    cargo run -q -- regulamin examples/doa-2022.ron --format text \\
      | python3 tests/import_fixture/make-libreoffice-regulamin.py > tests/import_fixture/regulamin-doa-2022.fodt
    libreoffice --headless --convert-to docx --outdir tests/import_fixture tests/import_fixture/regulamin-doa-2022.fodt

(or `make-libreoffice-regulamin.py INPUT.txt OUTPUT.fodt`, as for
`regulamin-amended.txt`; then convert all three `.fodt`). The title and the
§ headings are bold, centred paragraphs; ust. ("1. …") are typed, as in a real
Regulamin (`--numbered-ust` numbers them automatically with "1." instead).
Every run of sibling pkt ("1)", "2)", …), lit. ("a)", "b)", …) and tirets
("–") is an automatically numbered list, the text without its typed label,
but only where the labels are those automatic numbering gives (1, 2, 3… or
a, b, c… in order; a run starting later gets a start value); a run with a
lettered insert ("2a)") or a gap keeps its labels typed, as an amended
document has them; such a run's items are typed paragraphs (inside the
list item of a numbered parent). Standard library only; the output depends
only on the input (tests/import_libreoffice.rs checks the committed .fodt).
"""

import re
import sys
from xml.sax.saxutils import escape

ITEM = re.compile(r"^( *)(\d+[a-z]*|[a-z]{1,3})\) (.*)$")
TIRET = re.compile(r"^( *)[–-] (.*)$")
UST = re.compile(r"^(\d+[a-z]*)\. (.*)$")

# The levels of indent a typed item's paragraph style has.
INDENTS = 4

# The label format of an automatically numbered level, by kind.
FORMATS = {"ust": ("1", "."), "pkt": ("1", ")"), "lit": ("a", ")")}


class Node:
    def __init__(self, indent, kind, label, text):
        self.indent = indent
        self.kind = kind  # "ust", "pkt", "lit", "tiret", or None for a plain paragraph
        self.label = label
        self.text = text
        self.children = []


def value(kind, label):
    """The value automatic numbering gives `label`, None if it gives none."""
    if kind in ("pkt", "ust"):
        return int(label) if label.isdigit() else None
    if kind == "lit":
        return ord(label) - ord("a") + 1 if len(label) == 1 else None
    return 0


def automatic(run):
    """Whether a run of siblings is numbered as automatic numbering would; its start value."""
    kind = run[0].kind
    values = [value(kind, n.label) for n in run]
    if None in values:
        return False, None
    if kind == "tiret":
        return True, None
    start = values[0]
    if values != list(range(start, start + len(values))):
        return False, None
    return True, start


def runs(children):
    out = []
    for child in children:
        if out and out[-1][0].kind == child.kind:
            out[-1].append(child)
        else:
            out.append([child])
    return out


def parse(text, numbered_ust):
    """The lines of the text form as a tree: roots are paragraphs, children list items."""
    roots = []
    stack = []  # open items, innermost last
    for line in text.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if m := ITEM.match(line):
            label = m.group(2)
            node = Node(indent, "pkt" if label[0].isdigit() else "lit", label, m.group(3))
        elif m := TIRET.match(line):
            node = Node(indent, "tiret", "–", m.group(2))
        elif numbered_ust and indent == 0 and (m := UST.match(line)):
            node = Node(indent, "ust", m.group(1), m.group(2))
        else:
            node = Node(indent, None, None, line.strip())
        if node.kind is None and indent == 0:
            # The title and § headings stand alone; another paragraph (an
            # intro "[…]:", a typed ust.) takes the items below it, which the
            # text form prints at its indent when there is no ust.
            roots.append(node)
            heading = not roots[1:] or node.text.startswith("§")
            node.indent = -1
            stack = [] if heading else [node]
            continue
        while stack and stack[-1].indent >= indent:
            stack.pop()
        if stack:
            stack[-1].children.append(node)
        else:
            roots.append(node)
        if node.kind is not None:
            stack.append(node)
    return roots


def typed(node):
    if node.kind == "ust":
        return f"{node.label}. {node.text}"
    if node.kind == "tiret":
        return f"– {node.text}"
    return f"{node.label}) {node.text}"


class Writer:
    def __init__(self):
        self.styles = {}  # levels signature -> style name

    def paragraph(self, text, style="P"):
        return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

    def children(self, nodes, depth, levels, out, base=0):
        """Lists of `nodes` inside a list at `depth` (0: outside any list,
        `base` levels of indent in: under a typed ust. or item)."""
        for run in runs(nodes):
            auto, start = automatic(run) if run[0].kind else (False, None)
            if auto:
                if depth == 0:
                    levels = {}
                    body = []
                    self.items(run, start, 1, levels, body)
                    name = self.style(levels, base)
                    out.append(f'<text:list text:style-name="{name}">')
                    out.extend(body)
                    out.append("</text:list>")
                else:
                    out.append("<text:list>")
                    self.items(run, start, depth + 1, levels, out)
                    out.append("</text:list>")
            else:
                for node in run:
                    style = f"P{base}" if depth == 0 and 0 < base <= INDENTS else "P"
                    out.append(self.paragraph(typed(node) if node.kind else node.text, style))
                    deeper = node.kind is not None or UST.match(node.text)
                    self.children(node.children, depth, levels, out, base + 1 if deeper else base)

    def items(self, run, start, depth, levels, out):
        levels.setdefault(depth, run[0].kind)
        for i, node in enumerate(run):
            first = i == 0 and start not in (None, 1)
            out.append(f'<text:list-item text:start-value="{start}">' if first else "<text:list-item>")
            out.append(self.paragraph(node.text))
            self.children(node.children, depth, levels, out)
            out.append("</text:list-item>")

    def style(self, levels, base):
        key = (base, tuple(sorted(levels.items())))
        return self.styles.setdefault(key, f"L{len(self.styles) + 1}")

    def list_styles(self):
        out = []
        for (base, key), name in self.styles.items():
            out.append(f'<text:list-style style:name="{name}">')
            for level, kind in key:
                indent = f"{0.63 * (base + level):.2f}cm"
                position = (
                    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                    f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                    f'fo:margin-left="{indent}" fo:text-indent="-0.63cm"/></style:list-level-properties>'
                )
                if kind == "tiret":
                    out.append(
                        f'<text:list-level-style-bullet text:level="{level}" text:bullet-char="–">'
                        f"{position}</text:list-level-style-bullet>"
                    )
                else:
                    fmt, suffix = FORMATS[kind]
                    out.append(
                        f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}" '
                        f'style:num-suffix="{suffix}">{position}</text:list-level-style-number>'
                    )
            out.append("</text:list-style>")
        return out


HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center" \
fo:margin-bottom="0.21cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center" \
fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>\
<style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/>\
</style:style>
"""


def document(text, numbered_ust=False):
    roots = parse(text, numbered_ust)
    writer = Writer()
    body = []
    for i, node in enumerate(roots):
        if node.kind is None and i == 0:
            body.append(writer.paragraph(node.text, "T"))
        elif node.kind is None and node.text.startswith("§"):
            body.append(writer.paragraph(node.text, "H"))
        else:
            writer.children([node], 0, {}, body)
    lines = [HEAD.rstrip("\n")]
    for n in range(1, INDENTS + 1):
        lines.append(
            f'<style:style style:name="P{n}" style:family="paragraph">'
            f'<style:paragraph-properties fo:margin-left="{0.63 * n:.2f}cm" fo:text-align="justify"/></style:style>'
        )
    lines += writer.list_styles()
    lines += ["</office:automatic-styles>", "<office:body>", "<office:text>"]
    lines += body
    lines += ["</office:text>", "</office:body>", "</office:document>", ""]
    return "\n".join(lines)


def main(argv):
    numbered_ust = "--numbered-ust" in argv
    args = [a for a in argv if a != "--numbered-ust"]
    text = open(args[0], encoding="utf-8").read() if args else sys.stdin.read()
    out = document(text, numbered_ust)
    if len(args) > 1:
        with open(args[1], "w", encoding="utf-8", newline="\n") as f:
            f.write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main(sys.argv[1:])
