#!/usr/bin/env python3
"""Sanity check for the blind corpus labels (python3 + PyYAML). Not the scoring test.

For every workspace (immediate subfolder) it checks that
  * expected.yaml is a list of {file, rule, text[, also_ok]} with known rule ids;
  * every `text` occurs exactly once in its draft (plain search, file read without newline
    translation, so CRLF files keep their \r);
  * metadata-only and workspace rules are anchored on a front-matter line, body rules are not;
  * front matter uses only schema keys and valid enumerated values;
  * the rules that depend only on metadata (thank-you-timing, post-certification-contact,
    soap-unsolicited-contact, program-opted-out, interview-cancellation-notice for
    type: cancellation, over-emailing, duplicate-thank-you, missing-applicant-id, and
    intent-without-visa-confirmation on a letter of intent) are recomputed from the front
    matter and compared with the labels, both ways.
Prints a per-rule table and the share of clean drafts. Exit 1 on any problem.

Usage: python3 tests/corpus-blind/check_labels.py [CORPUS_DIR]
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

RULE_IDS = [
    "rank-inquiry", "match-guarantee-request", "reciprocal-ranking-deal", "binding-commitment",
    "multiple-first-choice", "past-tense-rank-claim", "prematch-request-nrmp",
    "outside-match-acceptance-nrmp", "nrmp-status-unknown", "outside-match-acceptance-timing",
    "soap-unsolicited-contact", "competing-offer-leverage", "apologetic-visa-framing",
    "h1b-without-step3", "visa-fact-error", "intent-without-visa-confirmation",
    "credential-contradiction", "over-emailing", "duplicate-thank-you", "thank-you-timing",
    "post-certification-contact", "program-opted-out", "interview-cancellation-notice",
    "desperate-tone", "salutation-format", "stock-phrasing", "unfilled-placeholder",
    "program-name-mismatch", "salutation-name-mismatch", "missing-applicant-id",
]
# Labelled on a front-matter line (they depend on metadata or on other drafts only).
FRONT_MATTER_RULES = {
    "thank-you-timing", "post-certification-contact", "soap-unsolicited-contact",
    "program-opted-out", "interview-cancellation-notice", "missing-applicant-id",
    "over-emailing", "duplicate-thank-you",
}
# May be either (front matter for a letter of intent, body for a ranking statement).
EITHER = {"intent-without-visa-confirmation"}

FM_KEYS = {
    "from", "to", "to_name", "to_role", "cc", "program", "institution", "aliases", "specialty",
    "track", "nrmp", "stage", "type", "match_year", "interview_date", "send_date", "visa",
    "step3", "ecfmg_certified", "program_visa", "program_policy", "program_initiated", "status",
    "subject", "outreach",
}
ENUMS = {
    "stage": {"pre-interview", "post-interview", "rank-season", "post-certification", "match-week"},
    "type": {"interest", "visa-inquiry", "thank-you", "update", "letter-of-intent", "follow-up",
             "offer-response", "cancellation", "reply", "other"},
    "visa": {"J-1", "H-1B", "J-1 or H-1B", "J-1 and H-1B", "none", "unknown"},
    "program_visa": {"J-1", "H-1B", "J-1 or H-1B", "J-1 and H-1B", "none", "unknown"},
    "step3": {"passed", "scheduled", "not-taken"},
    "status": {"draft", "sent"},
}
DATE_KEYS = ("interview_date", "send_date")

CAL = {
    2026: dict(rank_open=dt.date(2026, 1, 15), rol_deadline=dt.date(2026, 2, 25),
               match_week_start=dt.date(2026, 3, 16), soap_end=dt.date(2026, 3, 19),
               match_day=dt.date(2026, 3, 20)),
}
COUNTED_EXCLUDED = {"reply", "cancellation"}
BURST_TYPES = {"follow-up", "update", "interest", "letter-of-intent", "other"}
POST_CERT_TYPES = {"update", "letter-of-intent", "interest", "follow-up"}
OPT_OUT_TYPES = {"thank-you", "update", "letter-of-intent", "interest", "follow-up"}
CLOSING = re.compile(
    r"^\s*(with\s+)?(sincerely|best regards|kind regards|respectfully|warm regards|"
    r"regards|best|with gratitude|thank you,)\s*,?\s*$", re.I)
APPLICANT_ID = re.compile(r"\b(AAMC|ERAS|NRMP)\b[^\n]*\d{6,}", re.I)

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def split_front_matter(text: str):
    """Return (front matter dict or None, end offset of the front-matter block, body)."""
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    if not m:
        return None, 0, text
    return yaml.safe_load(m.group(1)) or {}, m.end(), text[m.end():]


def as_date(v):
    if isinstance(v, dt.date):
        return v
    if v is None:
        return None
    return dt.date.fromisoformat(str(v))


def as_bool(v):
    if isinstance(v, bool):
        return v
    if v is None:
        return None
    return str(v).lower() in ("true", "yes")


def visa_set(v):
    if v in (None, "unknown"):
        return None
    if v == "none":
        return set()
    return {p.strip() for p in re.split(r"\s+(?:or|and)\s+", v)}


def strip_comments(body: str) -> str:
    return re.sub(r"<!--.*?-->", "", body, flags=re.S)


def signature(body: str) -> str:
    lines = strip_comments(body).splitlines()
    start = None
    for i, line in enumerate(lines):
        if CLOSING.match(line):
            start = i
    return "\n".join(lines[start:]) if start is not None else "\n".join(lines[-4:])


def check_workspace(ws: Path, totals: Counter, clean: list, drafts_total: list) -> None:
    cfg = {}
    cfg_path = ws / ".outreach.yaml"
    if cfg_path.exists():
        cfg = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    profile = cfg.get("profile") or {}
    rules_off = {k for k, v in (cfg.get("rules") or {}).items() if v == "off"}
    for k in rules_off:
        if k not in RULE_IDS:
            problem(f"{ws.name}/.outreach.yaml: unknown rule id {k}")

    drafts = {}
    for p in sorted(ws.glob("*.md")):
        with open(p, encoding="utf-8", newline="") as fh:
            text = fh.read()
        fm, fm_end, body = split_front_matter(text)
        if fm is not None:
            for k, v in fm.items():
                if k not in FM_KEYS:
                    problem(f"{ws.name}/{p.name}: unknown front-matter key {k}")
                if k in ENUMS and str(v) not in ENUMS[k]:
                    problem(f"{ws.name}/{p.name}: bad {k}: {v}")
                if k in DATE_KEYS:
                    try:
                        as_date(v)
                    except ValueError:
                        problem(f"{ws.name}/{p.name}: bad date {k}: {v}")
        drafts[p.name] = dict(text=text, fm=fm or {}, has_fm=fm is not None, fm_end=fm_end, body=body)
    drafts_total.extend(drafts)

    exp_path = ws / "expected.yaml"
    if not exp_path.exists():
        problem(f"{ws.name}: expected.yaml missing")
        return
    labels = yaml.safe_load(exp_path.read_text(encoding="utf-8")) or []
    if not isinstance(labels, list):
        problem(f"{ws.name}/expected.yaml: not a list")
        return

    labelled = defaultdict(set)  # rule -> files
    fm_labelled = defaultdict(set)
    seen = set()
    for i, lab in enumerate(labels):
        where = f"{ws.name}/expected.yaml[{i}]"
        if not isinstance(lab, dict) or not {"file", "rule", "text"} <= set(lab):
            problem(f"{where}: needs file, rule, text")
            continue
        extra = set(lab) - {"file", "rule", "text", "also_ok"}
        if extra:
            problem(f"{where}: unknown keys {sorted(extra)}")
        f, rule, t = lab["file"], lab["rule"], lab["text"]
        if rule not in RULE_IDS:
            problem(f"{where}: unknown rule {rule}")
        if rule in rules_off:
            problem(f"{where}: {rule} is off in .outreach.yaml but labelled")
        for alt in lab.get("also_ok") or []:
            if alt not in RULE_IDS or alt == rule:
                problem(f"{where}: bad also_ok {alt}")
        if f not in drafts:
            problem(f"{where}: no draft {f}")
            continue
        d = drafts[f]
        n = d["text"].count(t)
        if n != 1:
            problem(f"{where}: text occurs {n} times in {f}: {t!r}")
            continue
        key = (f, rule, t)
        if key in seen:
            problem(f"{where}: duplicate label")
        seen.add(key)
        start = d["text"].index(t)
        in_fm = start < d["fm_end"]
        if rule in FRONT_MATTER_RULES and not in_fm:
            problem(f"{where}: {rule} must be anchored on a front-matter line")
        if rule not in FRONT_MATTER_RULES and rule not in EITHER and in_fm:
            problem(f"{where}: body rule {rule} anchored in front matter")
        if not in_fm and "<!--" in d["text"]:
            for cm in re.finditer(r"<!--.*?-->", d["text"], re.S):
                if cm.start() <= start < cm.end():
                    problem(f"{where}: label inside an HTML comment")
        labelled[rule].add(f)
        if in_fm:
            fm_labelled[rule].add(f)
        totals[rule] += 1

    for f, d in drafts.items():
        if f not in {lab["file"] for lab in labels if isinstance(lab, dict) and "file" in lab}:
            clean.append(f"{ws.name}/{f}")

    # ---- recompute metadata-only rules --------------------------------------------------
    def get(d, k):
        v = d["fm"].get(k)
        if v is None and k in ("visa", "step3", "ecfmg_certified"):
            v = profile.get(k)
        return v

    expect = defaultdict(set)
    year_default = cfg.get("match_year", 2026)
    for f, d in drafts.items():
        if not d["has_fm"]:
            continue
        typ, stage = get(d, "type"), get(d, "stage")
        year = get(d, "match_year") or year_default
        cal = CAL.get(year)
        send, itv = as_date(get(d, "send_date")), as_date(get(d, "interview_date"))
        if typ == "thank-you" and send and itv and ((send - itv).days > 3 or send < itv):
            expect["thank-you-timing"].add(f)
        if cal and typ in POST_CERT_TYPES and send and cal["rol_deadline"] < send < cal["match_week_start"]:
            expect["post-certification-contact"].add(f)
        in_week = bool(cal and send and cal["match_week_start"] <= send <= cal["soap_end"])
        if (in_week or stage == "match-week") and as_bool(get(d, "program_initiated")) is not True and typ != "reply":
            expect["soap-unsolicited-contact"].add(f)
        if get(d, "program_policy") in ("no-post-interview-communication", "no-thank-you-notes") and typ in OPT_OUT_TYPES:
            expect["program-opted-out"].add(f)
        if typ == "cancellation" and send and itv and (itv - send).days < 7:
            expect["interview-cancellation-notice"].add(f)
        if stage == "pre-interview" and typ in ("interest", "visa-inquiry") and not APPLICANT_ID.search(signature(d["body"])):
            expect["missing-applicant-id"].add(f)
        if typ == "letter-of-intent":
            need = visa_set(get(d, "visa"))
            offer = visa_set(get(d, "program_visa"))
            if need and (offer is None or not (need & offer)):
                expect["intent-without-visa-confirmation"].add(f)

    # duplicate thank-you
    groups = defaultdict(list)
    for f, d in drafts.items():
        if get(d, "type") == "thank-you" and get(d, "send_date"):
            who = get(d, "to") or get(d, "program")
            groups[(who, str(get(d, "interview_date")), get(d, "match_year"))].append((as_date(get(d, "send_date")), f))
    for items in groups.values():
        if len(items) < 2:
            continue
        first = min(s for s, _ in items)
        for s, f in items:
            if s > first or sum(1 for s2, _ in items if s2 == first) > 1:
                expect["duplicate-thank-you"].add(f)

    # over-emailing
    by_prog = defaultdict(list)
    for f, d in drafts.items():
        if get(d, "program") and get(d, "send_date") and get(d, "type") not in COUNTED_EXCLUDED:
            by_prog[(get(d, "program"), get(d, "match_year"))].append((as_date(get(d, "send_date")), f, get(d, "type")))
    for items in by_prog.values():
        items.sort()
        for i, (s, f, typ) in enumerate(items):
            if f in expect["duplicate-thank-you"]:
                continue
            if i >= 4 or (i > 0 and typ in BURST_TYPES and (s - items[i - 1][0]).days < 7):
                expect["over-emailing"].add(f)

    for rule in sorted(FRONT_MATTER_RULES | EITHER):
        if rule in rules_off:
            continue
        want = expect[rule]
        have = fm_labelled[rule] if rule in FRONT_MATTER_RULES else labelled[rule]
        for f in sorted(want - have):
            problem(f"{ws.name}/{f}: metadata says {rule} but it is not labelled")
        if rule == "interview-cancellation-notice":
            # type: other drafts may ask to reschedule in words; check their dates instead.
            for f in sorted(have - want):
                d = drafts[f]
                s, itv = as_date(get(d, "send_date")), as_date(get(d, "interview_date"))
                if not (s and itv and (itv - s).days < 7):
                    problem(f"{ws.name}/{f}: {rule} labelled but dates do not allow it")
            continue
        extra = (fm_labelled[rule] if rule in EITHER else have) - want
        for f in sorted(extra):
            problem(f"{ws.name}/{f}: {rule} labelled on front matter but metadata does not trigger it")


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    totals: Counter = Counter()
    clean: list[str] = []
    drafts: list[str] = []
    workspaces = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    for ws in workspaces:
        check_workspace(ws, totals, clean, drafts)
    print(f"{len(workspaces)} workspaces, {len(drafts)} drafts, {len(clean)} clean "
          f"({100 * len(clean) / max(1, len(drafts)):.0f}%), {sum(totals.values())} labels")
    for rule in RULE_IDS:
        flag = "" if totals[rule] else "   <-- not covered"
        print(f"  {rule:34} {totals[rule]:3}{flag}")
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
