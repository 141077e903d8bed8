"""The unit tree of the benchmark data, in the words of SPEC.md.

Level 1  committees under the Central Committee: 63 provinces/cities + 4 central blocks
         (dang-bo-cap-tren, block khac for a province, the block's own for the others);
level 2  district committees and provincial blocks (dang-bo-cap-tren);
level 3  grassroots organisations: commune committees (dang-bo-co-so, xa-phuong), agencies,
         schools, hospitals, enterprises, armed forces (dang-bo-co-so or chi-bo-co-so);
level 4  cells under a grassroots committee (chi-bo-truc-thuoc); a large enterprise has
         sub-committees (dang-bo-bo-phan) with cells of their own at level 5.
Candidates live in cells: chi-bo-co-so and chi-bo-truc-thuoc units.
Codes are hierarchical ("01", "01.003", "01.003.042", "01.003.042.07").
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from gen_vocab import AGENCIES, CELL_TEMPLATES, CENTRAL, PLACE_SYLLABLES, PROVINCES

UNITS_AT_SCALE_1 = 60_000
L2_AT_SCALE_1 = 1_100
L3_AT_SCALE_1 = 18_500
DISTRICT_KINDS = [
    ("huyện", "HU", 70),
    ("quận", "QU", 12),
    ("thị xã", "TU", 9),
    ("thành phố", "TU", 9),
]


@dataclass
class Tree:
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # leaves: (code, level-1 index, level-2 index, weight for candidates)
    leaves: list[tuple[str, int, int, float]] = field(default_factory=list)
    # level-2 units: (code, decision suffix, decision body)
    level2: list[tuple[str, str, str]] = field(default_factory=list)
    cccd_province: list[str] = field(default_factory=list)  # per level-1 unit
    sub_committees: int = 0


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def place(rng: random.Random) -> str:
    a, b = rng.sample(PLACE_SYLLABLES, 2)
    return f"{a} {b}"


def spread(rng: random.Random, total: int, weights: list[float], floor: int = 1) -> list[int]:
    """Split `total` into integer parts in proportion to `weights`, each at least `floor`,
    summing to `total` exactly (largest remainders get the units left over)."""
    free = max(0, total - floor * len(weights))
    scale = sum(weights)
    shares = [free * w / scale for w in weights]
    parts = [floor + int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: int(shares[i]) - shares[i])
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def build_tree(rng: random.Random, scale: float) -> Tree:
    tree = Tree()
    n_total = max(200, round(UNITS_AT_SCALE_1 * scale))
    level1 = _level1(tree)
    n_l2 = max(len(level1) * 5, round(L2_AT_SCALE_1 * scale))
    n_l3 = max(n_l2 * 2, round(L3_AT_SCALE_1 * scale))
    weights = [w * rng.uniform(0.7, 1.3) for _c, _b, w in level1]
    level2 = []
    for i, ((code1, block1, _w), k) in enumerate(
        zip(level1, spread(rng, n_l2, weights, 5), strict=True)
    ):
        level2 += _level2(rng, tree, i, code1, block1, k)
    l2_weights = [rng.uniform(0.4, 1.6) * (1.6 if b == "khac" else 1.0) for *_x, b in level2]
    grassroots = []
    for (code2, i1, i2, block2), k in zip(level2, spread(rng, n_l3, l2_weights), strict=True):
        grassroots += _level3(rng, tree, code2, i1, i2, block2, k)
    n_cells = max(n_total - len(tree.rows), 2 * len(grassroots))
    big = {"xa-phuong": (1.0, 3.0), "doanh-nghiep": (0.5, 3.0)}  # cells per committee
    cell_weights = [rng.uniform(*big.get(b, (0.3, 1.5))) for *_x, b in grassroots]
    for (code3, i1, i2, block3), k in zip(
        grassroots, spread(rng, n_cells, cell_weights), strict=True
    ):
        _cells(rng, tree, code3, i1, i2, block3, k)
    return tree


def _level1(tree: Tree) -> list[tuple[str, str, float]]:
    out = []
    for i, (word, name, cccd) in enumerate(PROVINCES):
        code = f"{i + 1:02d}"
        tree.rows.append((code, nfc(f"Đảng bộ {word} {name}"), "dang-bo-cap-tren", "", "khac"))
        tree.cccd_province.append(cccd)
        out.append((code, "khac", 2.5 if i < 2 else 1.0))
    for j, (name, block) in enumerate(CENTRAL):
        code = f"{len(PROVINCES) + j + 1:02d}"
        tree.rows.append((code, nfc(name), "dang-bo-cap-tren", "", block))
        tree.cccd_province.append("")  # people of a central block come from anywhere
        out.append((code, block, 1.5))
    return out


def _level2(rng: random.Random, tree: Tree, i1: int, code1: str, block1: str, k: int) -> list:
    out = []
    province = tree.rows[i1][1].removeprefix("Đảng bộ ")
    blocks = [
        (f"Đảng bộ Khối các cơ quan {province}", "hanh-chinh-su-nghiep"),
        (f"Đảng bộ Khối Doanh nghiệp {province}", "doanh-nghiep"),
        (f"Đảng bộ Quân sự {province}", "luc-luong-vu-trang"),
        (f"Đảng bộ Công an {province}", "luc-luong-vu-trang"),
    ]
    for j in range(k):
        code2 = f"{code1}.{j + 1:03d}"
        if block1 != "khac":
            head = {"hanh-chinh-su-nghiep": "Bộ", "doanh-nghiep": "Tập đoàn"}.get(block1, "Cục")
            name, block, suffix = f"Đảng bộ {head} {place(rng)}", block1, "ĐU"
        elif j < len(blocks):
            (name, block), suffix = blocks[j], "ĐU"
        else:
            word, suffix, _w = rng.choices(DISTRICT_KINDS, [w for *_x, w in DISTRICT_KINDS])[0]
            name, block = f"Đảng bộ {word} {place(rng)}", "khac"
        name = nfc(name)
        tree.rows.append((code2, name, "dang-bo-cap-tren", code1, block))
        body = "Ban Thường vụ " + name.removeprefix("Đảng bộ ").replace("Khối", "Đảng ủy Khối")
        tree.level2.append((code2, suffix, body))
        out.append((code2, i1, len(tree.level2) - 1, block))
    return out


def _level3(rng: random.Random, tree: Tree, code2: str, i1: int, i2: int, block2: str, k: int):  # type: ignore[no-untyped-def]
    out = []
    pool = [a for a in AGENCIES if block2 == "khac" or a[1] == block2]
    for j in range(k):
        code3 = f"{code2}.{j + 1:03d}"
        if block2 == "khac" and j < k * 0.58:
            word = rng.choices(["xã", "phường", "thị trấn"], [75, 18, 7])[0]
            name, block, kind = f"Đảng bộ {word} {place(rng)}", "xa-phuong", "dang-bo-co-so"
        else:
            template, block = rng.choice(pool)
            kind = "dang-bo-co-so" if rng.random() < 0.4 else "chi-bo-co-so"
            word = "Đảng bộ" if kind == "dang-bo-co-so" else "Chi bộ"
            name = f"{word} {template.format(p=place(rng))}"
        tree.rows.append((code3, nfc(name), kind, code2, block))
        if kind == "chi-bo-co-so":
            tree.leaves.append((code3, i1, i2, rng.uniform(0.3, 1.5)))
        else:
            out.append((code3, i1, i2, block))
    return out


def _cells(  # type: ignore[no-untyped-def]
    rng: random.Random, tree: Tree, parent: str, i1: int, i2: int, block: str, k: int, top=True
):
    """k units under a grassroots committee: cells, and in an enterprise now and then a
    sub-committee (đảng bộ bộ phận) holding up to three of them (always once, at any scale)."""
    templates = CELL_TEMPLATES[block]
    j = 0
    while j < k:
        code = f"{parent}.{j + 1:02d}"
        if (
            top
            and block == "doanh-nghiep"
            and k - j >= 2
            and (rng.random() < 0.2 or not tree.sub_committees)
        ):
            tree.sub_committees += 1
            tree.rows.append(
                (code, nfc(f"Đảng bộ bộ phận Xí nghiệp {j + 1}"), "dang-bo-bo-phan", parent, block)
            )
            inside = min(3, k - j - 1)
            _cells(rng, tree, code, i1, i2, block, inside, top=False)
            j += 1 + inside
            continue
        name = rng.choice(templates).format(p=place(rng), n=j + 1)
        tree.rows.append((code, nfc(name), "chi-bo-truc-thuoc", parent, block))
        weight = rng.uniform(1.0, 3.0) if block == "xa-phuong" else rng.uniform(0.3, 1.5)
        tree.leaves.append((code, i1, i2, weight))
        j += 1
