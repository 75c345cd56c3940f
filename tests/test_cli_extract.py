"""`claimflow extract`: files in, claims out; bad files named on stderr; batch JSON lines."""
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from claimflow.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_files_to_json_lines_with_groups_and_a_bad_file(tmp_path):
    for name in ("000_f6b3da139eb41999.txt", "003_036ded1749666de9.txt"):
        shutil.copy(ROOT / "raw" / name, tmp_path / name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    files = sorted(str(p) for p in tmp_path.iterdir())
    result = runner.invoke(app, ["extract", *files, "--format", "jsonl"])
    assert result.exit_code == 1  # some input failed, the rest was processed
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["doc"] for c in claims} == {"000_f6b3da139eb41999.txt", "003_036ded1749666de9.txt"}
    gpt3 = [c for c in claims if c["subject"] == "GPT-3" and c["metric"] == "training cost"]
    assert len({c["group_id"] for c in gpt3}) == 1 and {c["verdict"] for c in gpt3} == {"conflict"}


def test_batch_mode_reads_json_lines_and_keeps_ids():
    lines = "\n".join(json.dumps(x) for x in [{"id": "a", "text": "It cost $5M."}, {"id": 7, "text": "No numbers."},
                                              {"id": "c", "text": "Sales rose 12% to 3,000 units."}])
    result = runner.invoke(app, ["extract", "--jsonl"], input=lines + "\nnot json\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["id"], c["surface"]) for c in out] == [("a", "$5M"), ("c", "12%"), ("c", "3,000 units")]
    assert out[0]["stated_low"] == 5e6 and out[0]["unit"] == "USD"


def test_no_files_is_a_usage_error():
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2


def test_kind_keeps_only_claims_of_those_kinds():
    text = "Revenue rose 12% to $3bn as it shipped 3,000 units in 14 days, 5 km from the plant."
    lines = json.dumps({"id": "k", "text": text}) + "\n"
    result = runner.invoke(app, ["extract", "--jsonl", "--kind", "currency", "-k", "length"], input=lines)
    assert result.exit_code == 0
    assert [json.loads(line)["surface"] for line in result.stdout.splitlines()] == ["$3bn", "5 km"]
    result = runner.invoke(app, ["extract", "--jsonl", "--kind", "money"], input=lines)
    assert result.exit_code == 2 and "money" in result.stderr
