#!/usr/bin/env python3
"""Walks the real kioskd through one veteran's journey inside tmux and has grim shoot each screen.

Started by scripts/screenshot-journey inside the kiosk's compositor (cage + foot), as the
screenshot user. kioskd runs in tmux (session "kiosk", status line off) inside foot, so what grim
captures is foot drawing kioskd's bytes; this script reads tmux's copy of the screen to find
where a label is and types into the pane with `send-keys -l`: SGR mouse reports for touches
(exactly what foot sends for a finger), digits and text for the keypad and the typed fields.

    screenshot_journey.py TMUX_SOCKET OUT_DIR REGION ASSETS_DIR [--journey-only] [--technician]

Writes OUT_DIR/<nn>-<screen>.png and OUT_DIR/<nn>-<screen>.txt (tmux's text of the same screen).
OUT_DIR "-" walks the journey without shooting (scripts/bench/journey_bench.py measures memory
that way, without a compositor); --journey-only stops back on home, before the keypad and the
idle warning; --technician visits technician mode from home instead of the journey (kioskd must
run with a configuration whose PIN is 482916, as scripts/screenshot-journey's TECHNICIAN=1 sets up).
"""
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

SOCKET, OUT, REGION, ASSETS = sys.argv[1:5]
JOURNEY_ONLY = "--journey-only" in sys.argv[5:]
TECHNICIAN = "--technician" in sys.argv[5:]
TECHNICIAN_PIN = "482916"
SHOTS = []


def tmux(*args):
    return subprocess.run(["tmux", "-S", SOCKET, *args], capture_output=True, text=True).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", "kiosk").split("\n")


def cells(text):
    """Display width as the terminal counts it: East Asian wide and fullwidth take two cells."""
    return sum(0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1) for c in text)


def find(text, lines=None):
    """Every (column, row) where `text` starts, in cells."""
    hits = []
    for y, line in enumerate(lines if lines is not None else screen()):
        start = line.find(text)
        while start >= 0:
            hits.append((cells(line[:start]), y))
            start = line.find(text, start + 1)
    return hits


def wait_for(text, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        lines = screen()
        if any(text in line for line in lines):
            return lines
        time.sleep(0.1)
    sys.exit(f"screenshot_journey: '{text}' never showed; the screen was:\n" + "\n".join(screen()))


def wait_any(texts, timeout=30):
    """Waits for the first of `texts` to show and returns it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        shown = "\n".join(screen())
        for text in texts:
            if text in shown:
                return text
        time.sleep(0.1)
    sys.exit(f"screenshot_journey: none of {texts} showed; the screen was:\n" + "\n".join(screen()))


def settle(quiet=0.4, limit=5):
    """Waits until the screen stops changing (the program drew its frame and foot showed it)."""
    deadline = time.time() + limit
    last = screen()
    while time.time() < deadline:
        time.sleep(quiet)
        now = screen()
        if now == last:
            return now
        last = now
    return last


def touch(x, y):
    """A finger's press and release at cell (x, y), as foot reports it (SGR, 1-based)."""
    report = f"\x1b[<0;{x + 1};{y + 1}M\x1b[<0;{x + 1};{y + 1}m"
    tmux("send-keys", "-t", "kiosk", "-l", report)


def tap(text, pick=lambda hits: hits[0] if hits else None, timeout=15):
    wait_for(text, timeout)
    hit = pick(find(text))
    if hit is None:
        sys.exit(f"screenshot_journey: no '{text}' where expected:\n" + "\n".join(screen()))
    touch(hit[0] + 1, hit[1])
    return settle()


def turn(text, pick=lambda hits: hits[0] if hits else None, timeout=15, answer=10):
    """Taps a button that changes the screen (下一步, 下一页, 上一页) and waits for the change
    before settling: a settle alone can end before kioskd has drawn its answer, and the caller
    would then read the old page. A touch that changes nothing (a refused 下一步 that only
    repeats its warning) returns after `answer` seconds with the screen as it is."""
    wait_for(text, timeout)
    before = screen()
    hit = pick(find(text, before))
    if hit is None:
        sys.exit(f"screenshot_journey: no '{text}' where expected:\n" + "\n".join(before))
    touch(hit[0] + 1, hit[1])
    deadline = time.time() + answer
    while time.time() < deadline and screen() == before:
        time.sleep(0.05)
    return settle()


def last(hits):
    return hits[-1] if hits else None


def keys(text):
    tmux("send-keys", "-t", "kiosk", "-l", text)
    return settle()


def shot(name, wait=True):
    lines = settle() if wait else screen()
    SHOTS.append(name)
    if OUT == "-":
        return
    time.sleep(0.3 if wait else 0.05)  # foot draws what tmux sent
    path = os.path.join(OUT, f"{len(SHOTS):02d}-{name}")
    # GRIM_GEOMETRY ("0,0 1280x676") keeps the terminal's cells and leaves foot's margin out.
    geometry = os.environ.get("GRIM_GEOMETRY")
    subprocess.run(["grim"] + (["-g", geometry] if geometry else []) + [path + ".png"], check=True)
    with open(path + ".txt", "w") as f:
        f.write("\n".join(lines))
    print(f"shot {name}", flush=True)


def load_profile():
    profile = json.load(open(os.path.join(ASSETS, "regions", f"{REGION}.json")))
    inputs = json.load(open(os.path.join(ASSETS, "ui", "fields.json")))
    fields = {f["label"]: f for f in profile["fields"]}
    return profile, inputs, fields


PROFILE, INPUTS, FIELDS = load_profile()
SAMPLE = {"idNumber": "11010519491231002X", "phone": "13800138000", "bankCard": "6222020200112233445",
          "digits": "400000", "date": "20210910", "month": "202109"}


def editor_title(lines):
    for line in lines:
        if "┏━ " in line:
            return line.split("┏━ ")[-1].split(" ━")[0].strip()
    return None


def in_editor(hits):
    """Hits inside the editor's panel ("┏━ <label>"): the right half of the form at the kiosk's
    width, the whole screen at 80×24."""
    panel = find("┏━ ")
    if not panel:
        return hits
    x, y = panel[-1]
    return [h for h in hits if h[0] > x and h[1] > y]


def fill_editor(state):
    lines = screen()
    title = editor_title(lines)
    field = FIELDS.get(title, {"code": ""})
    entry = INPUTS.get(field["code"], {"kind": "text"})
    kind = entry["kind"]
    if kind in SAMPLE:
        if not state.get("editor"):
            keys(SAMPLE[kind][:8])
            shot("form-keypad")
            state["editor"] = True
            keys(SAMPLE[kind][8:] + "\r")
        else:
            keys(SAMPLE[kind] + "\r")
        if any("校验未通过" in line for line in screen()):
            keys("\r")
    elif kind == "choice":
        options = field.get("choices") or entry.get("options") or []
        if options:
            tap(options[0], pick=lambda hits: last(in_editor(hits)))
    elif kind == "place":
        for level in range(4):
            lines = screen()
            if editor_title(lines) != title:
                break
            if level == 1 and not state.get("place"):
                shot("form-place-picker")
                state["place"] = True
            # The panel's top border is "┏━ <label>"; inside it the trail line, then the list:
            # its first entry's middle row is two rows under the trail.
            x, y = find("┏━ " + title, lines)[-1]
            touch(x + 5, y + 3)
            deadline = time.time() + 10
            while time.time() < deadline and screen() == lines:
                time.sleep(0.05)
            settle()
    else:
        keys("示范文本\r")


def answer_questions():
    lines = settle()
    if not any("请回答以下问题" in line for line in lines):
        return
    shot("questions")
    for _ in range(12):
        lines = settle()
        if not any("请回答以下问题" in line for line in lines):
            return
        lines = turn("下一步", pick=last)
        if not any("请回答以下问题" in line for line in lines):
            return
        warning = next((line for line in reversed(lines) if "⚠" in line), None)
        if warning is None:
            continue
        label = warning.split("：")[-1].strip()
        question = next((q for q in PROFILE["questions"] if q["label"] == label or q["label"] in warning), None)
        if question is None:
            prerequisite = next((p for p in PROFILE.get("prerequisites") or [] if p["message"][:12] in warning), None)
            if prerequisite is None:
                return
            question = next(q for q in PROFILE["questions"] if q["code"] == prerequisite["question"])
            option = next(o for o in question["options"] if o["value"] in prerequisite["accepted"])
        else:
            shown = "\n".join(screen())
            option = next((o for o in question["options"] if o["value"] != "no" and o["label"] in shown), question["options"][0])
        tap_option(option["label"])


def rows():
    return len(screen())


def tap_option(label):
    for _ in range(3):
        if not re.search(r"第 [2-9]/", "\n".join(screen())):
            break
        turn("上一页")
    for _ in range(4):
        # A long label is shortened on a narrow screen ("以合法稳定住所..."): the longest prefix
        # of at least six characters that shows is the option's button.
        for length in range(len(label), min(len(label), 6) - 1, -1):
            hits = [h for h in find(label[:length]) if h[1] < rows() - 2]
            if hits:
                touch(hits[-1][0] + 1, hits[-1][1])
                settle()
                return
        turn("下一页", pick=last)


def fill_form():
    state = {}
    shot_form = False
    for _ in range(200):
        lines = settle()
        text = "\n".join(lines)
        if "填写信息 ·" not in text:
            return
        if not shot_form:
            shot("form")
            shot_form = True
        if editor_title(lines):
            fill_editor(state)
            continue
        if "请填写 ✎" in text:
            tap("请填写 ✎")
            fill_editor(state)
            continue
        page = re.search(r"第 (\d+)/(\d+) 页", text)
        if page and page.group(1) != page.group(2):
            turn("下一页", pick=last)
            continue
        turn("下一步", pick=last)


def journey():
    wait_for("开始办理", timeout=90)
    shot("home")
    tap("开始办理")
    wait_for("请将身份证放在感应区")
    shot("identify", wait=False)  # the demo lays the card on the reader 1.5 s later
    if len(PROFILE["categories"]) > 1:
        wait_for("请选择您的退役类型")
        shot("category")
        tap(PROFILE["categories"][0]["name"])
    wait_for("请选择要办理的事项")
    shot("items")
    turn("下一步", pick=last)
    answer_questions()
    fill_form()
    lines = settle()
    if any("选择制卡照片" in line for line in lines):
        tap("IMG_0001.jpg")
        wait_for("照片文件可以正常读取", timeout=60)
        shot("photo")
        tap("使用这张照片", pick=last)
    wait_for("请携带以下材料到窗口")
    shot("materials")
    turn("下一步", pick=last)
    wait_for("本人承诺")
    shot("review")
    tap("我已阅读并同意，提交申请")
    wait_for("回执已打印", timeout=60)
    shot("outcome")
    tap("完成", pick=last)
    # 好差评: offered once after filing, voluntary; the veteran skips it in one touch.
    if wait_any(["请对本次服务进行评价", "请取走您的身份证"]) == "请对本次服务进行评价":
        shot("rating")
        tap("跳过", pick=last)
    wait_for("请取走您的身份证")
    shot("take-card", wait=False)
    wait_for("开始办理")
    if JOURNEY_ONLY:
        return
    # A second veteran without a valid card: the keypad, then walks away (the idle warning).
    settle()
    tap("开始办理")
    tap("没有身份证？手工输入号码", timeout=5)
    wait_for("确认号码")
    keys("5101041990")
    shot("manual-id")
    wait_for("您还在吗", timeout=150)
    time.sleep(3)
    shot("idle-warning", wait=False)


def technician():
    """The hidden gesture (five taps on home's top-left corner), the PIN, and the pages a
    technician uses first: the self-test with its fault and remedy, and the touch test."""
    settle()
    for _ in range(5):
        touch(1, 1)
    wait_for("请输入维护密码")
    keys(TECHNICIAN_PIN[:3])
    shot("pin")
    keys(TECHNICIAN_PIN[3:] + "\r")
    wait_for("维护菜单")
    shot("menu")
    tap("运行自检")
    wait_for("检查完成", timeout=60)
    shot("self-test")
    tap("返回菜单")
    tap("触摸测试")
    wait_for("命中 0/5")
    shot("touch-test")
    tap("返回菜单")
    tap("退出维护")
    wait_for("开始办理")


if TECHNICIAN:
    wait_for("开始办理", timeout=90)
    technician()
else:
    journey()
print("shots: " + " ".join(SHOTS))
