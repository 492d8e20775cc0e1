#!/usr/bin/env python3
"""Label sanity check for the held-out corpus (python3 + PyYAML). Not the scoring test.

Checks, for every workspace folder next to this file:
  * each label names an existing draft, a catalogue rule id (and catalogue ids in also_ok);
  * each label `text` occurs exactly once in its file (raw text, CRLF kept);
  * the metadata-only rules are labelled exactly where the front matter says they fire
    (thank-you-timing, post-certification-contact, soap-unsolicited-contact, program-opted-out,
    interview-cancellation-notice for type: cancellation, missing-applicant-id, over-emailing,
    duplicate-thank-you, intent-without-visa-confirmation for type: letter-of-intent), and that
    these labels sit on a front-matter line;
  * body labels of metadata-conditioned rules are consistent with the front matter
    (e.g. intent-without-visa-confirmation only where the visa is not covered).
Prints counts per rule and the number of fully clean drafts. Exit 1 on any problem.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

RULES = """rank-inquiry match-guarantee-request reciprocal-ranking-deal binding-commitment
multiple-first-choice past-tense-rank-claim prematch-request-nrmp outside-match-acceptance-nrmp
nrmp-status-unknown outside-match-acceptance-timing soap-unsolicited-contact competing-offer-leverage
apologetic-visa-framing h1b-without-step3 visa-fact-error intent-without-visa-confirmation
credential-contradiction over-emailing duplicate-thank-you thank-you-timing post-certification-contact
program-opted-out interview-cancellation-notice desperate-tone salutation-format stock-phrasing
unfilled-placeholder program-name-mismatch salutation-name-mismatch missing-applicant-id""".split()
assert len(RULES) == 30

RANK_OPEN = dt.date(2026, 1, 15)
ROL = dt.date(2026, 2, 25)
SOAP_FIRST, SOAP_LAST = dt.date(2026, 3, 16), dt.date(2026, 3, 19)

COMPUTED = {"thank-you-timing", "post-certification-contact", "soap-unsolicited-contact",
            "program-opted-out", "missing-applicant-id", "over-emailing", "duplicate-thank-you"}
CLOSING = re.compile(r"^(sincerely|yours sincerely|yours faithfully|best regards|kind regards|warm regards|"
                     r"with kind regards|with regards|regards|respectfully|with gratitude|best|thank you)\s*,?\s*$",
                     re.IGNORECASE)
ID_RE = re.compile(r"\b(AAMC|ERAS|NRMP)\b[^\n]*\d{6,}", re.IGNORECASE)

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def split_front_matter(text: str):
    norm = text.replace("\r\n", "\n")
    if not norm.startswith("---\n"):
        return None, norm, 0
    end = norm.find("\n---\n", 4)
    if end < 0:
        return None, norm, 0
    meta = yaml.safe_load(norm[4:end]) or {}
    return meta, norm[end + 5:], end + 5


def as_date(v):
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        return dt.date.fromisoformat(v)
    return None


def covered(visa, program_visa) -> bool:
    if visa in (None, "none"):
        return True
    if program_visa in (None, "unknown", "none"):
        return False
    need = {"J-1": {"J-1"}, "H-1B": {"H-1B"}, "J-1 or H-1B": {"J-1", "H-1B"}}[visa]
    offer = {"J-1": {"J-1"}, "H-1B": {"H-1B"}, "J-1 and H-1B": {"J-1", "H-1B"}}[program_visa]
    return bool(need & offer)


def signature(body: str) -> str:
    lines = body.split("\n")
    start = None
    for i, line in enumerate(lines):
        if CLOSING.match(line.strip()):
            start = i
    return "" if start is None else "\n".join(lines[start:])


def strip_comments(body: str) -> str:
    return re.sub(r"<!--.*?-->", "", body, flags=re.S)


def check_workspace(ws: Path, counts: Counter, clean: list, totals: Counter) -> None:
    cfg = {}
    if (ws / ".outreach.yaml").exists():
        cfg = yaml.safe_load((ws / ".outreach.yaml").read_text(encoding="utf-8")) or {}
    labels = yaml.safe_load((ws / "expected.yaml").read_text(encoding="utf-8")) or []
    drafts = {}
    for p in sorted(ws.glob("*.md")):
        raw = p.read_bytes().decode("utf-8")
        meta, body, body_off = split_front_matter(raw)
        drafts[p.name] = (raw, meta, body)
    totals["drafts"] += len(drafts)

    by_file = defaultdict(list)
    for lab in labels:
        f, rule, text = lab.get("file"), lab.get("rule"), lab.get("text")
        where = f"{ws.name}/{f}"
        if f not in drafts:
            problem(f"{where}: no such draft")
            continue
        if rule not in RULES:
            problem(f"{where}: unknown rule {rule!r}")
        for alt in lab.get("also_ok", []) or []:
            if alt not in RULES:
                problem(f"{where}: unknown also_ok rule {alt!r}")
        raw = drafts[f][0]
        n = raw.count(text) if isinstance(text, str) else 0
        if n != 1:
            problem(f"{where}: {rule}: text occurs {n} times: {text!r}")
        fm_end = raw.find("\n---", 4) if raw.startswith("---") else -1
        in_fm = n == 1 and fm_end > 0 and raw.index(text) < fm_end
        by_file[f].append((rule, in_fm, text))
        counts[rule] += 1

    # metadata-computed expectations
    expected = defaultdict(set)
    year_default = cfg.get("match_year")
    per_program = defaultdict(list)
    thanks = defaultdict(list)
    for name, (raw, meta, body) in drafts.items():
        if meta is None:
            continue
        t, stage = meta.get("type"), meta.get("stage")
        send, iv = as_date(meta.get("send_date")), as_date(meta.get("interview_date"))
        if t == "thank-you" and send and iv and ((send - iv).days > 3 or send < iv):
            expected[name].add("thank-you-timing")
        if t in {"update", "letter-of-intent", "interest", "follow-up"} and send and ROL < send < SOAP_FIRST:
            expected[name].add("post-certification-contact")
        in_soap = (send and SOAP_FIRST <= send <= SOAP_LAST) or stage == "match-week"
        if in_soap and meta.get("program_initiated") is not True and t != "reply":
            expected[name].add("soap-unsolicited-contact")
        if meta.get("program_policy") in {"no-post-interview-communication", "no-thank-you-notes"} and \
                t in {"thank-you", "update", "letter-of-intent", "interest", "follow-up"}:
            expected[name].add("program-opted-out")
        if t == "cancellation" and send and iv and (iv - send).days < 7:
            expected[name].add("interview-cancellation-notice")
        if stage == "pre-interview" and t in {"interest", "visa-inquiry"} and \
                not ID_RE.search(signature(strip_comments(body))):
            expected[name].add("missing-applicant-id")
        if t == "letter-of-intent" and not covered(meta.get("visa"), meta.get("program_visa")):
            expected[name].add("intent-without-visa-confirmation")
        year = meta.get("match_year", year_default)
        if meta.get("program") and t not in {"reply", "cancellation"}:
            per_program[(meta["program"], year)].append((send, name, t))
        if t == "thank-you":
            key = meta.get("to") or meta.get("program")
            thanks[(key, str(iv), year)].append((send, name))

    dup = set()
    for items in thanks.values():
        if len(items) < 2:
            continue
        items.sort()
        first = items[0][0]
        for send, name in items[1:]:
            dup.add(name)
        if items[1][0] == first:
            dup.add(items[0][1])
    for name in dup:
        expected[name].add("duplicate-thank-you")
    for items in per_program.values():
        items.sort()
        for i, (send, name, t) in enumerate(items):
            if name in dup:
                continue
            fire = i >= 4
            if i > 0 and t in {"follow-up", "update", "interest", "letter-of-intent", "other"}:
                fire |= (send - items[i - 1][0]).days < 7
            if fire:
                expected[name].add("over-emailing")

    for name, (raw, meta, body) in drafts.items():
        labelled = by_file.get(name, [])
        got_fm = {r for r, fm, _ in labelled if fm}
        for r in COMPUTED | {"interview-cancellation-notice"}:
            want = r in expected[name]
            have = any(x == r for x, _, _ in labelled)
            if r == "interview-cancellation-notice" and meta and meta.get("type") != "cancellation":
                # phrase-based cancellations are labelled by hand; check the date window only
                if have:
                    s, i = as_date(meta.get("send_date")), as_date(meta.get("interview_date"))
                    if not (s and i and (i - s).days < 7):
                        problem(f"{ws.name}/{name}: cancellation label but notice is >= 7 days")
                continue
            if want != have:
                problem(f"{ws.name}/{name}: {r}: computed {want}, labelled {have}")
            if have and r not in got_fm:
                problem(f"{ws.name}/{name}: {r} should be labelled on a front-matter line")
        ivc = [fm for r, fm, _ in labelled if r == "intent-without-visa-confirmation"]
        if meta and meta.get("type") == "letter-of-intent":
            if ("intent-without-visa-confirmation" in expected[name]) != bool(ivc):
                problem(f"{ws.name}/{name}: letter-of-intent visa label mismatch")
        elif ivc and (meta is None or covered(meta.get("visa"), meta.get("program_visa"))):
            problem(f"{ws.name}/{name}: intent-without-visa-confirmation but visa is covered")
        for r, fm, _ in labelled:
            if r in {"prematch-request-nrmp", "outside-match-acceptance-nrmp"} and (meta or {}).get("nrmp") is not True \
                    and not (r == "prematch-request-nrmp" and (meta or {}).get("nrmp") in (None, "unknown")):
                problem(f"{ws.name}/{name}: {r} needs nrmp: true")
            if r == "nrmp-status-unknown" and (meta or {}).get("nrmp") not in (None, "unknown"):
                problem(f"{ws.name}/{name}: nrmp-status-unknown but nrmp is set")
            if r == "outside-match-acceptance-timing" and (meta or {}).get("nrmp") is not False:
                problem(f"{ws.name}/{name}: outside-match-acceptance-timing expects nrmp: false")
            if r == "h1b-without-step3" and (meta or {}).get("step3") == "passed":
                problem(f"{ws.name}/{name}: h1b-without-step3 but step3 passed")
        if not labelled:
            clean.append(f"{ws.name}/{name}")


def main() -> int:
    root = Path(__file__).resolve().parent
    counts, totals, clean = Counter(), Counter(), []
    workspaces = [d for d in sorted(root.iterdir()) if d.is_dir() and not d.name.startswith((".", "_"))]
    for ws in workspaces:
        if not (ws / "expected.yaml").exists():
            problem(f"{ws.name}: no expected.yaml")
            continue
        check_workspace(ws, counts, clean, totals)
    print(f"{len(workspaces)} workspaces, {totals['drafts']} drafts, {len(clean)} clean "
          f"({100 * len(clean) / max(1, totals['drafts']):.0f} %), {sum(counts.values())} labels")
    for r in RULES:
        flag = "" if counts[r] >= 2 else "   <-- fewer than 2"
        print(f"  {r:34} {counts[r]}{flag}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
