"""How Vietnamese a decoded text reads: the score that picks cp1258, TCVN3 or VNI for a file
that is not UTF-8 (textcodecs._guess_legacy). A syllable is judged by Vietnamese spelling
(initial, nucleus, final, and which tones a stop final allows), common names and words count
more, and characters no Vietnamese text holds count against. Apart from detection because
it is linguistics, not file handling.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from dangvien_cli.textcodecs.legacy import _ACUTE, _DOT, _TONES, VIETNAMESE_LETTERS

_INITIALS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x".split() + [""]
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_OPEN = frozenset(  # nuclei ending in a glide: no final consonant after them
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oao oay oeo uây uôi ươi ươu "
    "uya uyu iêu yêu".split()
)
_CLOSED = frozenset("iê yê uô ươ uyê oo".split())  # need a final consonant
_NUCLEI = _OPEN | _CLOSED | frozenset("a ă â e ê i o ô ơ u ư y oa oă oe uâ uê uy uơ".split())
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_STOPS = frozenset(("c", "ch", "p", "t"))
_COMMON = frozenset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh
    trương mai lương đào cao hà lâm văn thị hữu đức công quang minh ngọc thanh hồng liên ánh
    tuyết ẩn anh tuấn hùng dũng hải hương lan linh nga phương thảo thủy thúy trang trung tú
    tâm thắng thành long nam bình hòa hoà khánh kiên lực mạnh nhung oanh quân quý sơn tài thu
    tiến toàn tùng việt xuân yến huyền hằng hạnh hiền hiếu hoa hoài hưng hường khoa đạt
    định đông giang chiến cường diệp duy thương hiệp phúc lộc thọ vân uyên vy nhi
    của và các có là được không người trong một những cho với đã này đến khi để theo từ về
    năm ngày tháng đảng bộ chi cơ sở đoàn viên kết nạp phố tỉnh huyện xã phường ty cổ phần
    quần chúng ưu lớp bồi dưỡng nhận thức chính dự bị nữ số ghi chú họ tên sinh đơn vị
    ban tổ chức ủy đồng chí giới thiệu nghị quyết định học trình độ nghề nghiệp dân tộc
    tôn giáo kinh""".split()
)
_LETTERS = frozenset(VIETNAMESE_LETTERS) | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
_SYMBOLS = frozenset("\u00a0“”‘’–—…•€°«»₫©®")
_WORD = re.compile(r"[^\W\d_]+")


def _syllable(word: str) -> bool:
    """Whether lowercase `word` is a well-formed Vietnamese syllable."""
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    if len(tones) > 1 or not _PLAIN.issuperset(bare):
        return False
    for initial in _INITIALS:
        if not bare.startswith(initial):
            continue
        rest = bare[len(initial) :]
        for final in _FINALS:
            nucleus = rest[: len(rest) - len(final)]
            if not rest.endswith(final) or nucleus not in _NUCLEI:
                continue
            if (nucleus in _OPEN and final) or (nucleus in _CLOSED and not final):
                continue
            if final in _STOPS and tones and tones[0] not in (_ACUTE, _DOT):
                continue
            if initial in ("k", "gh", "ngh") and nucleus[0] not in "eêiy":
                continue
            if initial == "c" and nucleus[0] in "eêiy":
                continue
            return True
    return False


def score(text: str) -> int:
    """Higher when `text` reads as Vietnamese: valid syllables up, impossible characters down."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        lower = word.lower()
        if lower in _COMMON:
            score += 3
        elif _syllable(lower):
            score += 1
        else:
            score -= 2
        if any(a.islower() and b.isupper() and not b.isascii() for a, b in pairwise(word)):
            score -= 1
    for ch in text:
        if ch >= "\x80" and ch not in _LETTERS and ch not in _SYMBOLS:
            score -= 3
    return score
