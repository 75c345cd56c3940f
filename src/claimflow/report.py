"""The conflict report for people: processed/conflicts.md and processed/conflicts.html.

One section per conflict, open ones first, the disagreeing claims side by side: article,
the sentence with the figure highlighted, the stated value, the canonical interval, the
verdict reason and the review status, plus the exact `claimflow review` commands to
settle it. The HTML is a single self-contained file (inline CSS, no scripts, fonts or
images from the network); every piece of article text is escaped.
"""
from __future__ import annotations

import html
import os
import re
import tempfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from claimflow.claims import Claim
from claimflow.reconcile.verdict import describe_claim, effective_interval

CONTEXT_CHARS = 260  # sentence context kept on each side of the figure

# Markdown structure that the text layer keeps (list bullets, headings, bold markers).
_MARKUP = re.compile(r"^(?:[-*+•]|\d+[.)]|#{1,6})\s+|\*\*|__")

STATUS_ORDER = {"open": 0, "accepted": 1, "dismissed": 2}


def _conflicts(reconciled) -> list[tuple[dict, list[Claim]]]:
    by_group: dict[str, list[Claim]] = defaultdict(list)
    for c in reconciled.claims:
        by_group[c.group_id].append(c)
    rows = [g for g in reconciled.groups.to_pylist() if g["verdict"] == "conflict"]
    rows.sort(key=lambda g: (STATUS_ORDER.get(g["review_status"], 3), -(g["gap_ratio"] or 0), g["subject"] or "", g["group_id"]))
    out = []
    for g in rows:
        claims = sorted(by_group.get(g["group_id"], []), key=_value_order)
        out.append((g, claims))
    return out


def _value_order(c: Claim):
    iv = effective_interval(c)
    lo = iv.low if iv.low is not None else float("-inf")
    hi = iv.high if iv.high is not None else float("inf")
    return (lo, hi, c.doc, c.start)


def sentence_parts(claim: Claim) -> tuple[str, str, str]:
    """(before, figure, after) of the claim's sentence, trimmed to CONTEXT_CHARS around
    the figure. The figure is the claim's surface found inside its sentence."""
    sentence = _MARKUP.sub("", " ".join((claim.sentence or "").split()))
    surface = claim.surface or ""
    if not sentence:
        return "", surface, ""
    at = sentence.find(surface) if surface else -1
    if at < 0 and surface:
        at = sentence.lower().find(surface.lower())
    if at < 0:
        return sentence[: 2 * CONTEXT_CHARS] + ("…" if len(sentence) > 2 * CONTEXT_CHARS else ""), "", ""
    before, fig, after = sentence[:at], sentence[at:at + len(surface)], sentence[at + len(surface):]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return before, fig, after


def _plain(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{x:,.6g}"


def _canonical(c: Claim) -> str:
    """The canonical interval as stored, in plain digits ("10,000,000 – 15,000,000 USD")."""
    unit = f" {c.unit}" if c.unit else ""
    if c.low is None and c.high is None:
        return "unbounded"
    if c.high is None:
        return f"≥ {_plain(c.low)}{unit}"
    if c.low is None:
        return f"≤ {_plain(c.high)}{unit}"
    if c.low == c.high:
        return f"{_plain(c.low)}{unit}"
    return f"{_plain(c.low)} – {_plain(c.high)}{unit}"


def _status_text(g: dict) -> str:
    status = g["review_status"] or "open"
    return status + (f" — {g['review_note']}" if g.get("review_note") else "")


def _commands(g: dict, claims: list[Claim]) -> list[str]:
    gid = g["group_id"]
    cmds = [f"claimflow review accept {gid} CLAIM --note '…'   # CLAIM's value is right",
            f"claimflow review split {gid} CLAIM   # CLAIM is not the same fact",
            f"claimflow review dismiss {gid} --note '…'   # known, fine"]
    if g["review_status"] in ("accepted", "dismissed"):
        cmds.append(f"claimflow review undo {gid}")
    return [c for c in cmds if c]


def _title(g: dict) -> str:
    title = f"{g['subject'] or '(no subject)'} — {g['metric'] or '(no metric)'}"
    return title + (f" ({g['period']})" if g.get("period") else "")


# --- Markdown ----------------------------------------------------------------------

def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def render_markdown(reconciled) -> str:
    conflicts = _conflicts(reconciled)
    n_open = sum(1 for g, _ in conflicts if g["review_status"] == "open")
    lines = [
        "# Conflicting claims",
        "",
        f"{len(conflicts)} conflict(s): {n_open} open, {len(conflicts) - n_open} reviewed. "
        f"{reconciled.groups.num_rows} groups from {len(reconciled.claims)} claims. "
        f"Generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    if reconciled.stale:
        lines += ["## Stale decisions", "",
                  "These reviewer decisions no longer match any claim (the article was edited or removed). "
                  "They are kept in the decisions file; undo or re-decide them.", ""]
        for s in reconciled.stale:
            lines.append(f"- {_md_cell(s.decision.describe())}: {_md_cell(s.reason)}")
        lines.append("")
    if not conflicts:
        lines += ["No conflicts.", ""]
    for g, claims in conflicts:
        lines += [
            f"## {_md_cell(_title(g))}",
            "",
            f"**{_md_cell(g['reason'])}**",
            "",
            f"Review status: **{_md_cell(_status_text(g))}** · group `{g['group_id']}` · "
            f"{g['n_claims']} claims in {len(g['documents'])} article(s)",
            "",
            "| article | stated | canonical interval | sentence | claim |",
            "| --- | --- | --- | --- | --- |",
        ]
        for c in claims:
            before, fig, after = sentence_parts(c)
            sentence = _md_cell(before) + (f"**{_md_cell(fig)}**" if fig else "") + _md_cell(after)
            mark = " ✔ accepted" if g["accepted_claim"] == c.claim_id else ""
            lines.append(f"| {_md_cell(c.doc)} | {_md_cell(describe_claim(c))}{mark} | {_md_cell(_canonical(c))} | "
                         f"{sentence} | `{c.claim_id}` |")
        lines += ["", "Decide with: " + " · ".join(f"`{cmd}`" for cmd in _commands(g, claims)), ""]
    return "\n".join(lines).rstrip() + "\n"


# --- HTML --------------------------------------------------------------------------

_CSS = """
:root { --ink:#1d2330; --muted:#5b6475; --line:#d9dde5; --bg:#f6f7f9; --open:#b42318; --ok:#067647; --mark:#fff1a8; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
main { max-width:1180px; margin:0 auto; padding:24px 20px 64px; }
h1 { font-size:26px; margin:0 0 4px; }
.summary { color:var(--muted); margin:0 0 16px; }
nav { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 16px; margin-bottom:20px; }
nav ol { margin:6px 0 0; padding-left:22px; }
nav a { color:inherit; }
section.conflict { background:#fff; border:1px solid var(--line); border-left:6px solid var(--open); border-radius:8px; padding:16px 18px; margin:0 0 22px; }
section.conflict.reviewed { border-left-color:var(--ok); }
section h2 { font-size:19px; margin:0 0 6px; }
.reason { font-size:16px; font-weight:600; margin:0 0 6px; }
.meta { color:var(--muted); font-size:13px; margin:0 0 12px; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:700; text-transform:uppercase; letter-spacing:.03em; color:#fff; background:var(--open); vertical-align:middle; }
.badge.accepted, .badge.dismissed { background:var(--ok); }
.claims { display:grid; grid-template-columns:repeat(auto-fit, minmax(300px, 1fr)); gap:12px; align-items:start; }
.claim { border:1px solid var(--line); border-radius:6px; padding:10px 12px; background:#fcfcfd; min-width:0; }
.claim.accepted { border-color:var(--ok); box-shadow:0 0 0 2px #abefc6 inset; }
.value { font-size:22px; font-weight:700; margin:0; }
.interval { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; color:var(--muted); margin:0 0 6px; overflow-wrap:anywhere; }
.doc { font-size:13px; font-weight:600; margin:0 0 6px; overflow-wrap:anywhere; }
blockquote { margin:0 0 8px; padding:6px 10px; border-left:3px solid var(--line); background:#fff; overflow-wrap:anywhere; }
mark { background:var(--mark); padding:0 2px; border-radius:2px; font-weight:700; }
.id { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; color:var(--muted); user-select:all; }
.note { font-size:13px; color:var(--ok); font-weight:600; }
details { margin-top:10px; font-size:13px; }
details code { display:block; font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:var(--bg); padding:4px 8px; margin:4px 0; border-radius:4px; overflow-wrap:anywhere; user-select:all; }
.stale { background:#fffaeb; border:1px solid #fedf89; border-radius:8px; padding:10px 16px; margin-bottom:20px; }
.empty { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px; }
"""


def render_html(reconciled) -> str:
    e = html.escape
    conflicts = _conflicts(reconciled)
    n_open = sum(1 for g, _ in conflicts if g["review_status"] == "open")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Conflicting claims — {n_open} open</title>",
        f"<style>{_CSS}</style></head><body><main>",
        "<h1>Conflicting claims</h1>",
        f'<p class="summary">{len(conflicts)} conflict(s): <strong>{n_open} open</strong>, '
        f"{len(conflicts) - n_open} reviewed · {reconciled.groups.num_rows} groups from "
        f"{len(reconciled.claims)} claims · generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC</p>",
    ]
    if reconciled.stale:
        out.append('<div class="stale"><strong>Stale decisions</strong> — these reviewer decisions no longer '
                   "match any claim (article edited or removed). They stay in the decisions file.<ul>")
        for s in reconciled.stale:
            out.append(f"<li>{e(s.decision.describe())}: {e(s.reason)}</li>")
        out.append("</ul></div>")
    if not conflicts:
        out.append('<p class="empty">No conflicts: every group of claims agrees.</p>')
    else:
        out.append("<nav><strong>Conflicts</strong><ol>")
        for g, _ in conflicts:
            out.append(f'<li><a href="#{e(g["group_id"])}">{e(_title(g))}</a> — '
                       f'<span class="badge {e(g["review_status"])}">{e(g["review_status"])}</span></li>')
        out.append("</ol></nav>")
    for g, claims in conflicts:
        status = g["review_status"] or "open"
        cls = "conflict" + ("" if status == "open" else " reviewed")
        out.append(f'<section class="{cls}" id="{e(g["group_id"])}">')
        out.append(f'<h2>{e(_title(g))} <span class="badge {e(status)}">{e(status)}</span></h2>')
        out.append(f'<p class="reason">{e(g["reason"] or "")}</p>')
        meta = f'{g["n_claims"]} claims in {len(g["documents"])} article(s) · group <span class="id">{e(g["group_id"])}</span>'
        if g.get("review_note"):
            meta += f" · {e(g['review_note'])}"
        out.append(f'<p class="meta">{meta}</p><div class="claims">')
        for c in claims:
            before, fig, after = sentence_parts(c)
            accepted = g["accepted_claim"] == c.claim_id
            out.append(f'<article class="claim{" accepted" if accepted else ""}">')
            out.append(f'<p class="doc">{e(c.doc)}</p>')
            out.append(f'<p class="value">{e(describe_claim(c))}</p>')
            out.append(f'<p class="interval" title="canonical interval">{e(_canonical(c))}</p>')
            if before or fig or after:
                out.append(f"<blockquote>{e(before)}{'<mark>' + e(fig) + '</mark>' if fig else ''}{e(after)}</blockquote>")
            if accepted:
                out.append('<p class="note">✔ accepted by the reviewer</p>')
            out.append(f'<p class="id">claim {e(c.claim_id)}</p></article>')
        out.append(f"</div><details{' open' if status == 'open' else ''}><summary>Decide from the command line</summary>")
        for cmd in _commands(g, claims):
            out.append(f"<code>{e(cmd)}</code>")
        out.append("</details></section>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(reconciled, processed_dir: Path) -> list[Path]:
    """Write conflicts.md and conflicts.html into processed_dir (atomically); return paths."""
    processed_dir = Path(processed_dir)
    md, page = processed_dir / "conflicts.md", processed_dir / "conflicts.html"
    _write_text(md, render_markdown(reconciled))
    _write_text(page, render_html(reconciled))
    return [md, page]
