#!/usr/bin/env python3
"""Sanity check for the corpus labels (not the precision/recall test).

Checks that every expected.yaml entry names an existing draft and one of the 30 rule ids, that its
`text` occurs exactly once in the draft, and re-derives the purely metadata-driven labels
(thank-you-timing, post-certification-contact, soap-unsolicited-contact, program-opted-out,
interview-cancellation-notice, missing-applicant-id, over-emailing, duplicate-thank-you) from the
front matter with the 2026 calendar, reporting any disagreement. Needs PyYAML.
Usage: python3 tests/corpus/check_labels.py
"""
import os, re, sys, yaml, datetime as dt
from collections import Counter, defaultdict
ROOT=os.path.dirname(os.path.abspath(__file__))
RULES=set("""rank-inquiry match-guarantee-request reciprocal-ranking-deal binding-commitment multiple-first-choice
past-tense-rank-claim prematch-request-nrmp outside-match-acceptance-nrmp nrmp-status-unknown outside-match-acceptance-timing
soap-unsolicited-contact competing-offer-leverage apologetic-visa-framing h1b-without-step3 visa-fact-error
intent-without-visa-confirmation credential-contradiction over-emailing duplicate-thank-you thank-you-timing
post-certification-contact program-opted-out interview-cancellation-notice desperate-tone salutation-format stock-phrasing
unfilled-placeholder program-name-mismatch salutation-name-mismatch missing-applicant-id""".split())
assert len(RULES)==30
RANK_OPEN=dt.date(2026,1,15); ROL=dt.date(2026,2,25); MW=dt.date(2026,3,16); SOAP_END=dt.date(2026,3,19)
errors=[]; counts=Counter(); drafts=0; clean=0; ws_count=0
def fm_of(text):
    t=text.replace('\r\n','\n')
    if not t.startswith('---\n'): return {}, t
    end=t.index('\n---\n',4)
    return yaml.safe_load(t[4:end]) or {}, t[end+5:]
def d(v):
    if v is None: return None
    return v if isinstance(v,dt.date) else dt.date.fromisoformat(str(v))
for ws in sorted(os.listdir(ROOT)):
    p=os.path.join(ROOT,ws)
    if not os.path.isdir(p): continue
    ws_count+=1
    files=sorted(f for f in os.listdir(p) if f.endswith('.md'))
    exp=yaml.safe_load(open(os.path.join(p,'expected.yaml'),encoding='utf-8'))
    if exp is None: errors.append(f'{ws}: expected.yaml empty (use [])'); exp=[]
    texts={f:open(os.path.join(p,f),encoding='utf-8',newline='').read() for f in files}
    labelled=defaultdict(set)
    for e in exp:
        f=e['file']; r=e['rule']
        if f not in texts: errors.append(f'{ws}: no file {f}'); continue
        if r not in RULES: errors.append(f'{ws}/{f}: unknown rule {r}')
        for a in e.get('also_ok',[]) or []:
            if a not in RULES: errors.append(f'{ws}/{f}: unknown also_ok {a}')
        if e['text'] not in texts[f]: errors.append(f'{ws}/{f}: text not found: {e["text"]!r}')
        elif texts[f].count(e['text'])>1: errors.append(f'{ws}/{f}: text not unique: {e["text"]!r}')
        counts[r]+=1; labelled[f].add(r)
    drafts+=len(files); clean+=sum(1 for f in files if not labelled[f])
    # metadata reference checks
    fms={f:fm_of(texts[f]) for f in files}
    got=defaultdict(set)
    for f,(fm,body) in fms.items():
        typ=fm.get('type'); sd=d(fm.get('send_date')); iv=d(fm.get('interview_date'))
        if typ=='thank-you' and sd and iv and ((sd-iv).days>3 or sd<iv): got[f].add('thank-you-timing')
        if typ in ('update','letter-of-intent','interest','follow-up') and sd and ROL<sd<MW: got[f].add('post-certification-contact')
        if ((sd and MW<=sd<=SOAP_END) or fm.get('stage')=='match-week') and fm.get('program_initiated') is not True and typ!='reply': got[f].add('soap-unsolicited-contact')
        if fm.get('program_policy') in ('no-post-interview-communication','no-thank-you-notes') and typ in ('thank-you','update','letter-of-intent','interest','follow-up'): got[f].add('program-opted-out')
        if typ=='cancellation' and sd and iv and (iv-sd).days<7: got[f].add('interview-cancellation-notice')
        if fm.get('stage')=='pre-interview' and typ in ('interest','visa-inquiry'):
            # signature = from last closing line
            lines=body.split('\n'); idx=None
            for i,l in enumerate(lines):
                if re.match(r'^(Sincerely|Best regards|Kind regards|Respectfully|Warm regards|Thank you),?\s*$',l.strip()) or re.match(r'^(Sincerely|Best regards|Kind regards|Respectfully|Warm regards|With .*|Yours sincerely|Thanking you|Regards|Cheers),\s*$',l.strip()): idx=i
            sig='\n'.join(lines[idx:]) if idx is not None else ''
            if not re.search(r'(AAMC|ERAS|NRMP) ID',sig): got[f].add('missing-applicant-id')
        vis=fm.get('visa'); pv=fm.get('program_visa')
        if typ=='letter-of-intent' and vis and vis!='none':
            need=set(vis.split(' or ')); have=set() if pv in (None,'unknown','none') else set(pv.split(' and '))
            if not need&have: got[f].add('intent-without-visa-confirmation')
    # workspace: over-emailing & duplicate thank-you
    byprog=defaultdict(list)
    for f,(fm,body) in fms.items():
        if fm.get('program') and fm.get('type') not in ('reply','cancellation') and fm.get('send_date'):
            byprog[fm['program']].append((d(fm['send_date']),f,fm))
    for prog,msgs in byprog.items():
        msgs.sort(key=lambda m:(m[0],m[1]))
        seen_ty=defaultdict(list)
        for i,(sd,f,fm) in enumerate(msgs):
            if fm['type']=='thank-you':
                key=(fm.get('to') or prog, d(fm.get('interview_date')))
                prev=[x for x in seen_ty[key]]
                if prev: got[f].add('duplicate-thank-you')
                ties=[g for (s2,g) in prev if s2==sd]
                for g in ties: got[g].add('duplicate-thank-you')
                seen_ty[key].append((sd,f))
                if prev: continue
            if i>=4: got[f].add('over-emailing')
            if i>0 and fm['type'] in ('follow-up','update','interest','letter-of-intent','other') and (sd-msgs[i-1][0]).days<7: got[f].add('over-emailing')
    META={'thank-you-timing','post-certification-contact','soap-unsolicited-contact','program-opted-out','interview-cancellation-notice','missing-applicant-id','over-emailing','duplicate-thank-you'}
    for f in files:
        a=labelled[f]&META; b=got[f]&META
        if a!=b: errors.append(f'{ws}/{f}: metadata labels {sorted(a)} vs reference {sorted(b)}')
        # LOI intent
        if 'intent-without-visa-confirmation' in got[f] and 'intent-without-visa-confirmation' not in labelled[f]:
            errors.append(f'{ws}/{f}: LOI intent missing')
print('workspaces',ws_count,'drafts',drafts,'clean',clean, f'{clean/drafts:.0%}')
for r in sorted(RULES): print(f'{counts[r]:3d} {r}')
print('labels total',sum(counts.values()))
print('\n'.join(errors) or 'OK')
sys.exit(1 if errors else 0)
