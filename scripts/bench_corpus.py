"""The benchmark corpus: N Vietnamese articles (about 1,000 words on average, from short
notices to long reports) in 12 sections with 40 tags, tables, footnotes, links between
articles and some pictures whose files are missing, written once as a site that both stp and Hugo
build (stp reads site.toml and content/; Hugo reads the same content/ through its own
config.toml and the layouts in scripts/bench-hugo/).

Generation is deterministic: the same size and seed give byte-identical files. All text is
NFC. Used by scripts/bench; it can also be run alone:

    python3 scripts/bench_corpus.py SIZE DIR [--seed N]
"""

import os
import random
import shutil
import sys
import unicodedata

SEED = 20260

# The 12 sections of the repository's site.toml that the corpus fills: eight of kind
# `article` or `news` (no typed block) and four paginated typed kinds whose front-matter
# block the generator writes (qa, procedure, draft, schedule).
SECTIONS = [
    ("tin-tuc", "news"),
    ("pho-bien-phap-luat", "article"),
    ("chien-luoc-ke-hoach", "article"),
    ("du-an-dau-thau", "article"),
    ("huong-dan-nghiep-vu", "article"),
    ("nghien-cuu-trao-doi", "article"),
    ("hoi-nghi-tap-huan", "news"),
    ("thong-ke", "article"),
    ("hoi-dap", "qa"),
    ("thu-tuc-hanh-chinh", "procedure"),
    ("gop-y-du-thao", "draft"),
    ("lich-cong-tac", "schedule"),
]

TAGS = [
    "hộ tịch", "chứng thực", "công chứng", "luật sư", "trợ giúp pháp lý", "hòa giải cơ sở",
    "phổ biến pháp luật", "xử lý vi phạm hành chính", "bồi thường nhà nước", "lý lịch tư pháp",
    "quốc tịch", "nuôi con nuôi", "đấu giá tài sản", "giám định tư pháp", "thừa phát lại",
    "quản tài viên", "văn bản quy phạm", "thẩm định", "kiểm tra văn bản", "rà soát văn bản",
    "pháp chế", "cải cách hành chính", "dịch vụ công trực tuyến", "chuyển đổi số",
    "thi đua khen thưởng", "tổ chức cán bộ", "thanh tra", "tiếp công dân",
    "khiếu nại tố cáo", "phòng chống tham nhũng", "đăng ký biện pháp bảo đảm",
    "thi hành án dân sự", "theo dõi thi hành pháp luật", "tiếp cận pháp luật",
    "pháp luật về đất đai", "pháp luật về hôn nhân", "pháp luật về doanh nghiệp",
    "an ninh trật tự", "bình đẳng giới", "người khuyết tật",
]

SUBJECTS = [
    "Sở Tư pháp", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân cấp huyện", "Phòng Tư pháp",
    "Hội đồng phối hợp phổ biến, giáo dục pháp luật", "Trung tâm Trợ giúp pháp lý nhà nước",
    "Phòng công chứng số 1", "Đoàn Luật sư tỉnh", "Ban Biên tập", "Thanh tra Sở",
    "Văn phòng Sở", "Phòng Văn bản - Thi hành pháp luật", "cơ quan chuyên môn",
    "công chức tư pháp - hộ tịch", "tổ hòa giải ở cơ sở", "các sở, ban, ngành",
]
VERBS = [
    "tổ chức triển khai", "hướng dẫn thực hiện", "kiểm tra việc thi hành", "rà soát, hệ thống hóa",
    "thẩm định dự thảo", "tiếp nhận và giải quyết", "phối hợp thực hiện", "báo cáo kết quả",
    "tăng cường công tác", "đẩy mạnh việc", "theo dõi, đôn đốc", "quán triệt",
    "xây dựng kế hoạch", "nâng cao chất lượng", "tập huấn nghiệp vụ về", "tuyên truyền",
]
OBJECTS = [
    "văn bản quy phạm pháp luật", "thủ tục hành chính", "hồ sơ đăng ký hộ tịch",
    "yêu cầu chứng thực bản sao", "công tác phổ biến, giáo dục pháp luật",
    "kế hoạch cải cách hành chính", "quy chế phối hợp", "chỉ tiêu nhiệm vụ năm",
    "hoạt động trợ giúp pháp lý", "việc xử lý vi phạm hành chính", "cơ sở dữ liệu hộ tịch điện tử",
    "dịch vụ công trực tuyến toàn trình", "hồ sơ lý lịch tư pháp", "công tác bồi thường nhà nước",
    "nghị định hướng dẫn thi hành", "thông tư của Bộ Tư pháp", "đề án chuyển đổi số",
]
MODIFIERS = [
    "trên địa bàn tỉnh", "theo đúng quy định của pháp luật", "một cách kịp thời, hiệu quả",
    "trong kỳ báo cáo", "đối với người dân và doanh nghiệp", "tại các xã, phường, thị trấn",
    "theo chỉ đạo của Ủy ban nhân dân tỉnh", "bảo đảm công khai, minh bạch",
    "trong thời hạn quy định", "gắn với trách nhiệm người đứng đầu",
    "theo hướng dẫn của Bộ Tư pháp", "nhằm nâng cao nhận thức pháp luật",
]
CONNECTORS = ["Đồng thời,", "Bên cạnh đó,", "Ngoài ra,", "Theo đó,", "Trong thời gian tới,", "Qua đó,"]
HEADINGS = [
    "Kết quả đạt được", "Tồn tại, hạn chế", "Nguyên nhân", "Nhiệm vụ trọng tâm", "Giải pháp thực hiện",
    "Tổ chức thực hiện", "Căn cứ pháp lý", "Đối tượng áp dụng", "Trình tự thực hiện",
    "Kiến nghị, đề xuất", "Hồ sơ cần nộp", "Thời hạn giải quyết",
]
UNITS = ["Văn phòng Sở", "Phòng Văn bản - Thi hành pháp luật", "Phòng Hành chính tư pháp",
         "Phòng Phổ biến, giáo dục pháp luật", "Thanh tra Sở", "Phòng Bổ trợ tư pháp"]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Minh Đức",
         "Võ Thị Hạnh", "Đặng Quốc Hùng", "Bùi Thị Lan", "Đỗ Thanh Long", "Ngô Thị Mai"]
TITLE_OPENERS = ["Hội nghị", "Kế hoạch", "Hướng dẫn", "Thông báo", "Báo cáo", "Tập huấn",
                 "Kiểm tra", "Triển khai", "Sơ kết", "Tổng kết", "Hỏi đáp về", "Quy định về"]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def slugify(text):
    """ASCII slug, as stp writes them: `Thủ tục Đất đai` → `thu-tuc-dat-dai`."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    out, dash = [], False
    for c in plain.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def sentence(rng):
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(MODIFIERS)}"
    if rng.random() < 0.35:
        s = f"{rng.choice(CONNECTORS)} {s}"
    if rng.random() < 0.3:
        s += f", {rng.choice(MODIFIERS)}"
    return s[0].upper() + s[1:] + "."


def paragraph(rng, n):
    return " ".join(sentence(rng) for _ in range(n))


class Article:
    __slots__ = ("index", "section", "kind", "title", "slug", "date", "tags")

    def url(self):
        return f"/{self.section}/{self.slug}/"


def plan(size, seed):
    """Titles, slugs, dates, sections and tags of every article (before bodies, so that
    bodies can link to any article)."""
    rng = random.Random(seed)
    articles = []
    for i in range(size):
        a = Article()
        a.index = i
        a.section, a.kind = SECTIONS[i % len(SECTIONS)]
        obj = rng.choice(OBJECTS)
        a.title = nfc(f"{rng.choice(TITLE_OPENERS)} {obj} {rng.choice(MODIFIERS)} năm {2015 + i % 11}")
        a.slug = f"{slugify(a.title)[:70].rstrip('-')}-{i:05d}"
        day = rng.randrange(0, 11 * 365)
        year, rest = 2015 + day // 365, day % 365
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        a.date = f"{year:04d}-{month:02d}-{dom:02d}T{8 + rng.randrange(9):02d}:{rng.choice(['00', '15', '30', '45'])}:00+07:00"
        a.tags = rng.sample(TAGS, rng.randint(1, 4))
        articles.append(a)
    return articles


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typed_block(a, rng):
    d = a.date[:10]
    if a.kind == "qa":
        return (f"qa:\n  question: {yaml_str(sentence(rng)[:-1] + ' như thế nào?')}\n"
                f"  asker: {yaml_str(rng.choice(NAMES))}\n  asked: {d}\n"
                f"  answered_by: {yaml_str(rng.choice(UNITS))}\n")
    if a.kind == "procedure":
        return (f"procedure:\n  field: {yaml_str(rng.choice(TAGS))}\n"
                f"  service_level: {yaml_str(rng.choice(['toàn trình', 'một phần', 'không']))}\n"
                f"  processing_time: {yaml_str(f'{rng.randint(1, 20)} ngày làm việc')}\n"
                f"  fees: {yaml_str(f'{rng.randint(1, 20) * 5000} đồng/hồ sơ')}\n"
                f"  code: \"1.{a.index:06d}\"\n  agency: \"Sở Tư pháp tỉnh Bình Phước\"\n")
    if a.kind == "draft":
        return (f"draft:\n  comment_until: {d}\n"
                f"  drafting_body: {yaml_str(rng.choice(UNITS))}\n")
    if a.kind == "schedule":
        lines = ["schedule:\n"]
        for k in range(5):
            lines.append(f"  - date: {d}\n    time: \"{8 + k:02d}:00\"\n"
                         f"    content: {yaml_str(sentence(rng)[:-1])}\n"
                         f"    leader: {yaml_str(rng.choice(NAMES))}\n"
                         f"    location: \"Hội trường Sở Tư pháp\"\n")
        return "".join(lines)
    return ""


def body(a, articles, rng):
    """Bodies of varied shape, as a real site's are: from a short notice (one part) to a
    long report (eight parts), about 1,000 words on average; each part has a heading,
    paragraphs, sometimes a list, zero to two links to other articles; some bodies carry
    footnotes, some a table, and some a picture whose file is missing (an editor's common
    slip, which a build must survive)."""
    parts = [paragraph(rng, 2), ""]
    notes = []
    for h in rng.sample(HEADINGS, rng.randint(1, 8)):
        parts += [f"## {h}", "", paragraph(rng, 3), ""]
        if rng.random() < 0.5:
            parts += [f"- {sentence(rng)}" for _ in range(3)] + [""]
        links = rng.sample(articles, rng.randint(0, 2))
        if links:
            said = " và ".join(f"[{x.title}]({x.url()})" for x in links)
            parts += [f"Xem thêm {said} về **{rng.choice(OBJECTS)}**.", ""]
        if rng.random() < 0.2:
            notes.append(sentence(rng))
            parts += [f"{sentence(rng)}[^{len(notes)}]", ""]
        parts += [paragraph(rng, 1), ""]
    if rng.random() < 0.15:
        parts += [f"![{sentence(rng)[:-1]}](/anh/khong-co-{a.index:05d}.jpg)", ""]
    if rng.random() < 0.6:
        parts += ["| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ |", "|---|---:|---:|---:|"]
        for _ in range(5):
            plan_n = rng.randint(50, 900)
            done = rng.randint(plan_n // 2, plan_n)
            parts.append(f"| {rng.choice(OBJECTS).capitalize()} | {plan_n} | {done} | {100 * done // plan_n}% |")
        parts += [""]
    parts += [paragraph(rng, 1), ""]
    parts += [f"[^{i}]: {n}" for i, n in enumerate(notes, 1)]
    return nfc("\n".join(parts))


def article_text(a, articles, rng):
    summary = sentence(rng)
    front = (f"---\ntitle: {yaml_str(a.title)}\ndate: {a.date}\nsummary: {yaml_str(summary)}\n"
             f"tags: [{', '.join(a.tags)}]\nauthor: {yaml_str(rng.choice(NAMES))}\n"
             f"unit: {yaml_str(rng.choice(UNITS))}\n{typed_block(a, rng)}---\n\n")
    return nfc(front) + body(a, articles, rng)


def site_toml(repo_site_toml):
    """The repository's site.toml with only the corpus's sections (same names, kinds, order)."""
    text = open(repo_site_toml, encoding="utf-8").read()
    head, *blocks = text.split("[[sections]]")
    keep = {slug for slug, _ in SECTIONS}
    out = [head]
    for block in blocks:
        # The last section block may carry trailing tables ([[menu]]); keep those.
        body_part, sep, tail = block.partition("\n[[menu]]")
        slug = body_part.split('slug = "', 1)[1].split('"', 1)[0]
        if slug in keep:
            out.append("[[sections]]" + body_part.rstrip("\n") + "\n\n")
        if sep:
            out.append("[[menu]]" + tail)
    return "".join(out)


def generate(size, site_dir, repo_root, seed=SEED):
    """Writes site_dir/site.toml and site_dir/content/ with `size` articles."""
    if os.path.exists(site_dir):
        shutil.rmtree(site_dir)
    articles = plan(size, seed)
    for slug, _ in SECTIONS:
        os.makedirs(os.path.join(site_dir, "content", slug))
    with open(os.path.join(site_dir, "site.toml"), "w", encoding="utf-8") as f:
        f.write(site_toml(os.path.join(repo_root, "examples", "site", "site.toml")))
    rng = random.Random(seed + 1)
    words = 0
    for a in articles:
        text = article_text(a, articles, rng)
        words += len(text.split())
        path = os.path.join(site_dir, "content", a.section, a.slug + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return articles, words // max(size, 1)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else SEED
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    _, avg = generate(int(sys.argv[1]), sys.argv[2], root, seed)
    print(f"wrote {sys.argv[1]} articles (about {avg} words each) to {sys.argv[2]}")
