"""Generate the shipped Chinese teaching corpus, resources/corpus/teaching_zh.txt.

The Chinese twin of build_corpus.py: the same four topics and the same design
(each person word in one status frame and one gender frame, a topic word only
its pair shares; capitals in city frames, countries in nation frames), so
国王 − 男人 + 女人 ≈ 王后 and 巴黎 − 法国 + 中国 ≈ 北京 after a few epochs.

Sentences are written here as tokens separated by spaces, which is the
segmentation we intend; the corpus stores them *unsegmented*, as Chinese is
written (no spaces, ending in 。), so training exercises jieba. Every token goes
into ``teaching_zh.dict.txt``, a jieba user dictionary that embviz loads next
to the corpus, so jieba cuts every sentence exactly back into these tokens (a
test checks all of them).

Reproducible like the English corpus: a seeded ``random.Random`` drives every
choice and the output is byte-for-byte the same on every run and platform:

    python packaging/build_corpus_zh.py            # writes resources/corpus/
    python packaging/build_corpus_zh.py --check    # verifies the shipped files
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "corpus"
SEED = 20261205
SENTENCES = 30_000
# jieba's user-dictionary frequency: far above its own words, so ours always win.
DICT_FREQ = 200_000

# (male, female, status, topic word only this pair shares)
PEOPLE = [
    ("国王", "王后", "royal", "王国"), ("王子", "公主", "royal", "王位"),
    ("皇帝", "皇后", "royal", "帝国"), ("公爵", "公爵夫人", "royal", "领地"),
    ("男人", "女人", "common", "工作"), ("男孩", "女孩", "common", "学校"),
    ("男演员", "女演员", "common", "舞台"), ("男服务员", "女服务员", "common", "餐厅"),
    ("父亲", "母亲", "family", "孩子们"), ("儿子", "女儿", "family", "父母"),
    ("哥哥", "姐姐", "family", "弟弟妹妹"), ("丈夫", "妻子", "family", "婚姻"),
    ("叔叔", "阿姨", "family", "表亲"), ("爷爷", "奶奶", "family", "孙子孙女"),
]  # fmt: skip

TOPIC_FRAMES = [
    "{w} 想着 {t}", "{w} 谈起 {t}", "{t} 里 的 人 都 认识 {w}", "{t} 对 {w} 很 重要",
]  # fmt: skip

STATUS_FRAMES = {
    "royal": [
        "{w} 坐在 王座 上", "{w} 戴着 金色 的 王冠", "{w} 统治 着 国家", "{w} 住在 王宫 里",
        "{w} 对 朝廷 讲话", "{w} 举行 了 盛大 的 宴会",
    ],
    "common": [
        "{w} 走到 市场", "{w} 在 镇上 工作", "{w} 住在 一座 小 房子 里",
        "{w} 在 村里 买 面包", "{w} 在 街上 遇到 一个 朋友", "{w} 坐 火车 去 上班",
    ],
    "family": [
        "{w} 为 家人 做 晚饭", "{w} 回家 看 家人", "{w} 周末 去 看望 家人",
        "{w} 是 我们 家 的 一员", "{w} 星期天 给 家里 打电话", "{w} 和 亲戚 住在 一起",
    ],
}  # fmt: skip

GENDER_FRAMES = {
    "m": ["他 笑 了", "他 很 累", "他 的 声音 很 平静", "他 说 你好", "他 的 外套 是 红色 的",
          "大家 都 喜欢 他", "他 向 他们 挥手"],
    "f": ["她 笑 了", "她 很 累", "她 的 声音 很 平静", "她 说 你好", "她 的 外套 是 红色 的",
          "大家 都 喜欢 她", "她 向 他们 挥手"],
}  # fmt: skip

# animal, its measure word, its sound, habitat, food
ANIMALS = [
    ("猫", "只", "喵喵叫", "home", "鱼"), ("狗", "条", "汪汪叫", "home", "骨头"),
    ("兔子", "只", "蹦蹦跳跳", "home", "胡萝卜"), ("马", "匹", "嘶鸣", "farm", "干草"),
    ("牛", "头", "哞哞叫", "farm", "青草"), ("猪", "头", "哼哼叫", "farm", "苹果"),
    ("山羊", "只", "咩咩叫", "farm", "杂草"), ("鸭子", "只", "嘎嘎叫", "farm", "玉米"),
    ("狼", "只", "嚎叫", "wild", "鹿"), ("狐狸", "只", "尖叫", "wild", "鸡"),
    ("狮子", "头", "怒吼", "wild", "斑马"), ("老虎", "只", "咆哮", "wild", "水牛"),
    ("熊", "头", "打盹", "wild", "蜂蜜"), ("老鼠", "只", "吱吱叫", "home", "奶酪"),
    ("小鸟", "只", "唱歌", "wild", "种子"), ("青蛙", "只", "呱呱叫", "wild", "苍蝇"),
]  # fmt: skip

HABITAT = {
    "home": ["在 屋子 里", "在 沙发 上", "在 火炉 旁"],
    "farm": ["在 农场 上", "在 谷仓 里", "在 田野 里"],
    "wild": ["在 森林 里", "在 野外", "在 河边"],
}
NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
# counting animals says 两, not 二
COUNT = ["两", "三", "四", "五", "六", "七", "八", "九", "十"]

# country, capital, language, region
COUNTRIES = [
    ("法国", "巴黎", "法语", "欧洲"), ("德国", "柏林", "德语", "欧洲"),
    ("意大利", "罗马", "意大利语", "欧洲"), ("西班牙", "马德里", "西班牙语", "欧洲"),
    ("葡萄牙", "里斯本", "葡萄牙语", "欧洲"), ("希腊", "雅典", "希腊语", "欧洲"),
    ("波兰", "华沙", "波兰语", "欧洲"), ("瑞典", "斯德哥尔摩", "瑞典语", "欧洲"),
    ("俄罗斯", "莫斯科", "俄语", "欧洲"), ("英国", "伦敦", "英语", "欧洲"),
    ("日本", "东京", "日语", "亚洲"), ("中国", "北京", "汉语", "亚洲"),
    ("埃及", "开罗", "阿拉伯语", "非洲"), ("肯尼亚", "内罗毕", "斯瓦希里语", "非洲"),
    ("秘鲁", "利马", "西班牙语", "美洲"), ("加拿大", "渥太华", "英语", "美洲"),
]  # fmt: skip


def _people(r: random.Random) -> str:
    male, female, status, topic = r.choice(PEOPLE)
    gender = r.choice("mf")
    word = male if gender == "m" else female
    if r.random() < 0.5:
        first = r.choice(STATUS_FRAMES[status]).format(w=word)
    else:
        first = r.choice(TOPIC_FRAMES).format(w=word, t=topic)
    return f"{first} ， {r.choice(GENDER_FRAMES[gender])}"


def _animal(r: random.Random) -> str:
    name, unit, says, habitat, food = r.choice(ANIMALS)
    where = r.choice(HABITAT[habitat])
    if r.random() < 0.5:
        # a number and its measure word are one word, as jieba cuts them (一只, 三头)
        return r.choice([
            f"一{unit} {name} {where} {says}", f"这{unit} {name} {where} 睡着 了",
            f"{name} {says} ， 它 吃 {food}", f"我 看见 一{unit} {name} {where}",
            f"{name} {where}", f"{name} 喜欢 吃 {food}",
        ])  # fmt: skip
    n = r.choice(COUNT)
    return r.choice([
        f"很多 {name} {where} {says}", f"{n}{unit} {name} {where} {says}",
        f"这些 {name} {where} 睡着 了", f"这些 {name} {says} ， 它们 吃 {food}",
        f"我 看见 {n}{unit} {name} {where}", f"{n}{unit} {name} 喜欢 吃 {food}",
    ])  # fmt: skip


def _number(r: random.Random) -> str:
    i = r.randrange(len(NUMBERS) - 2)
    a, b, c = NUMBERS[i : i + 3]
    return r.choice([
        f"数一数 ： {a} ， {b} ， {c}", f"{a} 后面 是 {b} ， 然后 是 {c}",
        f"{a} 加 一 等于 {b}", f"{c} 减 一 等于 {b}", f"在 {a} 和 {c} 之间 的 是 {b}",
    ])  # fmt: skip


def _country(r: random.Random) -> str:
    country, capital, lang, region = r.choice(COUNTRIES)
    if r.random() < 0.1:  # more of these pulls 北京 and 东京 together
        return r.choice([
            f"{capital} 是 {country} 的 首都", f"{country} 的 首都 是 {capital}",
            f"{capital} 是 {country} 的 首都 城市",
        ])  # fmt: skip
    if r.random() < 0.5:
        return r.choice([
            f"{capital} 的 街道 很 热闹", f"我们 坐 飞机 去 了 {capital}",
            f"在 {capital} ， 人们 说 {lang}", f"{capital} 的 市长 开 了 一家 博物馆",
            f"{capital} 是 {region} 的 一座 大 城市", f"{capital} 的 机场 很 忙",
        ])  # fmt: skip
    return r.choice([
        f"{country} 的 边境 很 长", f"在 {country} ， 人们 说 {lang}",
        f"{country} 是 {region} 的 一个 国家", f"{country} 的 政府 今天 开会 了",
        f"{country} 的 人民 投票 了", f"{country} 是 {region} 的 国家",
    ])  # fmt: skip


TOPICS = [(_people, 0.36), (_animal, 0.3), (_number, 0.1), (_country, 0.24)]


def segmented(seed: int = SEED, count: int = SENTENCES) -> list[list[str]]:
    """The corpus as intended: each sentence's tokens (punctuation included)."""
    r = random.Random(seed)
    makers = [m for m, _ in TOPICS]
    weights = [w for _, w in TOPICS]
    return [[*r.choices(makers, weights)[0](r).split(), "。"] for _ in range(count)]


def watched_words() -> list[tuple[str, str]]:
    """The words the Train panel follows on this corpus, each with its group."""
    out: list[tuple[str, str]] = []
    for male, female, *_ in PEOPLE:
        out += [(male, "male"), (female, "female")]
    out += [("他", "male"), ("她", "female")]
    out += [(w, "royal") for w in ("王座", "王冠", "王宫")] + [("家人", "family")]
    out += [(a[0], "animal") for a in ANIMALS]
    out += [(n, "number") for n in NUMBERS]
    for country, capital, *_ in COUNTRIES:
        out += [(country, "country"), (capital, "capital")]
    return out


def build() -> dict[str, bytes]:
    """Return the shipped files' names and contents."""
    sents = segmented()
    text = "".join("".join(s) + "\n" for s in sents)
    words = sorted({t for s in sents for t in s if t not in "，。："})
    return {
        "teaching_zh.txt": text.encode("utf-8"),
        "teaching_zh.dict.txt": "".join(f"{w} {DICT_FREQ}\n" for w in words).encode("utf-8"),
        "watch_zh.txt": "".join(f"{w}\t{g}\n" for w, g in watched_words()).encode("utf-8"),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true", help="verify the files instead of writing")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    bad = 0
    for name, data in build().items():
        path = args.out / name
        digest = hashlib.sha256(data).hexdigest()
        if args.check:
            ok = path.exists() and path.read_bytes() == data
            bad += not ok
            print(f"{'ok ' if ok else 'DIFFERS'} {name} sha256={digest}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path} ({len(data):,} bytes, sha256={digest})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
