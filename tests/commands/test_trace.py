"""`medlint trace`: the JSON shape (version 1), FILE:LINE, many files with one bad, text output."""
import json

PLAIN = ("Survival was about 90% at 5 years. Chemotherapy may not cure every child.\n"
         "It does not change the dose of 60 mg/m2.\n")
WRONG = """\
# Results

In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.
"""


def _trace_json(cli, *args):
    code, out, err = cli("trace", "--format", "json", *args)
    return code, json.loads(out), err


def _q(start, end, text, value, unit, qualifier, kind, low=None, high=None):
    return {"start": start, "end": end, "text": text, "value": value, "low": low, "high": high,
            "unit": unit, "qualifier": qualifier, "kind": kind, "relative": False,
            "direction": None, "vague": False}


def test_json_shape_of_a_plain_text_file(cli, write):
    write("a.txt", PLAIN)
    code, report, err = _trace_json(cli, "a.txt")
    assert (code, err) == (0, "")
    assert report["version"] == 1
    [entry] = report["files"]
    assert list(entry) == ["path", "sentences", "quantities", "modifiers", "numbers"]
    assert entry["path"] == "a.txt"
    assert entry["sentences"] == [{"start": 0, "end": 34, "strength": "none"},
                                  {"start": 35, "end": 73, "strength": "conditional-causal"},
                                  {"start": 74, "end": 114, "strength": "direct-causal"}]
    assert [PLAIN[s["start"]:s["end"]] for s in entry["sentences"]] == [
        "Survival was about 90% at 5 years.", "Chemotherapy may not cure every child.",
        "It does not change the dose of 60 mg/m2."]
    assert entry["quantities"] == [
        _q(13, 22, "about 90%", 90.0, "%", "about", "percent"),
        _q(26, 33, "5 years", 5.0, "year", None, "duration"),
        _q(105, 113, "60 mg/m2", 60.0, "mg/m2/day", None, "dose")]
    assert entry["modifiers"] == [
        {"kind": "hedged", "trigger": {"start": 48, "end": 51}, "scope": {"start": 52, "end": 73}},
        {"kind": "negated", "trigger": {"start": 52, "end": 55}, "scope": {"start": 56, "end": 73}},
        {"kind": "negated", "trigger": {"start": 82, "end": 85}, "scope": {"start": 86, "end": 114}}]
    assert [(n["text"], n["candidates"], n["fact"], n["decision"]) for n in entry["numbers"]] == [
        ("about 90%", [], None, "no fact: no fact of the reference is about this number"),
        ("5 years", [], None, "no fact: no fact of the reference is about this number"),
        ("60 mg/m2", [], None, "not judged: the sentence negates it")]
    assert entry["numbers"][0]["frame"] == {
        "value": 90.0, "low": None, "high": None, "unit": "%", "qualifier": "about",
        "kind": "percent", "relative": False, "direction": None, "vague": False, "noun": None}


def test_numbers_carry_candidates_and_the_deciding_finding(cli, write):
    write("wrong.md", WRONG)
    code, report, _ = _trace_json(cli, "wrong.md")
    assert code == 0
    numbers = report["files"][0]["numbers"]
    assert [(WRONG[n["start"]:n["end"]], n["fact"]) for n in numbers] == [
        ("98%", "blinatumomab-sr-dfs-3y"), ("87.9%", "blinatumomab-sr-dfs-3y")]
    assert numbers[0]["decision"].startswith('STAT001 error: "98%" disagrees with the reference')
    assert numbers[1]["decision"] == "agrees with blinatumomab-sr-dfs-3y"
    assert [(c["fact"], c["value_matches"], c["strong"]) for c in numbers[0]["candidates"]] == [
        ("blinatumomab-sr-dfs-3y", False, True)]


def test_file_and_line_keeps_what_starts_on_that_line(cli, write):
    write("a.txt", PLAIN)
    code, report, _ = _trace_json(cli, "a.txt:2")
    [entry] = report["files"]
    assert code == 0 and entry["line"] == 2
    assert entry["sentences"] == [{"start": 74, "end": 114, "strength": "direct-causal"}]
    assert [q["text"] for q in entry["quantities"]] == ["60 mg/m2"]
    assert [m["trigger"] for m in entry["modifiers"]] == [{"start": 82, "end": 85}]
    assert [n["text"] for n in entry["numbers"]] == ["60 mg/m2"]


def test_a_line_past_the_end_is_an_error_and_the_last_line_is_not(cli, write):
    write("b.txt", "Nothing to count here.\nNor here.\n")
    code, report, err = _trace_json(cli, "b.txt:3")
    assert (code, err) == (2, "medlint: error: b.txt: no line 3; it has 2\n")
    assert report["files"] == [{"path": "b.txt", "error": "b.txt: no line 3; it has 2"}]
    code, report, err = _trace_json(cli, "b.txt:2")
    assert (code, err, report["files"][0]["line"]) == (0, "", 2)


def test_many_files_one_missing_exit_2_and_the_others_traced(cli, write):
    write("a.txt", PLAIN)
    write("b.txt", "Nothing to count here.\n")
    code, report, err = _trace_json(cli, "a.txt", "gone.txt", "b.txt")
    assert code == 2
    assert err == "medlint: error: gone.txt: no such file or directory\n"
    assert [f["path"] for f in report["files"]] == ["a.txt", "gone.txt", "b.txt"]
    assert report["files"][1] == {"path": "gone.txt", "error": "gone.txt: no such file or directory"}
    assert report["files"][2]["sentences"] == [{"start": 0, "end": 22, "strength": "none"}]
    assert report["files"][2]["quantities"] == [] == report["files"][2]["numbers"]


def test_a_file_name_with_a_colon_is_not_split(cli, write):
    write("notes:2", PLAIN)
    code, report, _ = _trace_json(cli, "notes:2")
    assert code == 0 and "line" not in report["files"][0]
    assert len(report["files"][0]["sentences"]) == 3


def test_text_format(cli, write):
    write("wrong.md", WRONG)
    write("a.txt", PLAIN)
    code, out, err = cli("trace", "wrong.md:3", "a.txt:2")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("wrong.md:3:1: sentence: In AALL1731, 3-year disease-free survival with "
                        "blinatumomab was 98% versus 87.9% with chemotherapy \u2026")
    assert lines[1] == '    number "98%": percent 98.0 %'
    assert lines[2] == "        claim: measure survival, measure_from clause, subgroups ['chemo-alone']"
    assert lines[3] == ("        candidate blinatumomab-sr-dfs-3y: score 11, strong, agrees on measure "
                        "subject")
    assert lines[4].startswith('        decision: STAT001 error: "98%" disagrees')
    assert lines[4].endswith("(row value)")
    assert lines[5:9] == ['    number "87.9%": percent 87.9 %',
                          "        claim: measure survival, measure_from sentence, subgroups ['chemo-alone']",
                          "        candidate blinatumomab-sr-dfs-3y: score 11, value matches, strong, "
                          "agrees on measure subject",
                          "        decision: agrees with blinatumomab-sr-dfs-3y (row supported)"]
    assert lines[9:] == [
        "a.txt:2:1: sentence: It does not change the dose of 60 mg/m2.",
        '    negated: "not" governs "change the dose of 60 mg/m2."',
        '    number "60 mg/m2": dose 60.0 mg/m2/day',
        "        decision: not judged: the sentence negates it"]


def test_trace_needs_a_file(cli):
    code, out, err = cli("trace")
    assert code == 2 and out == "" and "Missing argument" in err


FRAMED = """\
# The infant study

A second, larger study of 160 babies is under way.

The infant blinatumomab study enrolled 300 babies.
"""


def test_numbers_carry_their_claim_frame_candidate_slots_and_decision_row(cli, write):
    write("framed.md", FRAMED)
    code, report, _ = _trace_json(cli, "framed.md")
    assert code == 0
    planned, enrolled = report["files"][0]["numbers"]
    assert (planned["text"], planned["row"], planned["claim"]["modifiers"]) == (
        "160", "not-a-claim", ["another-study"])
    assert planned["decision"] == "not judged: not a claim about the reference (another-study)"
    assert [(c["fact"], c["agrees"], c["conflicts"]) for c in planned["candidates"]] == [
        ("infant-blina-enrolled", ["subject"], ["measure"])]
    assert enrolled["claim"] == {
        "measure": "enrolled", "measure_from": "clause", "subgroups": ["infants"], "places": 0,
        "diseases": 0, "modifiers": [], "bound": False, "question": None, "antecedent": None}
    assert enrolled["row"] == "value"
    assert [(c["fact"], c["agrees"], c["conflicts"]) for c in enrolled["candidates"]] == [
        ("infant-blina-enrolled", ["measure", "subject"], [])]


PAGE = """\
<!doctype html>
<html><head><meta charset="utf-8"><title>Blinatumomab</title></head>
<body>
<nav>Home. Survival was 50% last year.</nav>
<main>
<h1>Blinatumomab</h1>
<p>In AALL1731, 3-year disease-free survival with <em>blinatumomab</em> was 98% versus
87.9% with chemotherapy alone. It may not help every child.</p>
<pre>Survival was 10%.</pre>
</main>
</body></html>
"""


def _spans(entry, text, key):
    return [text[d["start"]:d["end"]] for d in entry[key]]


def test_an_html_page_is_read_as_check_reads_it(cli, write):
    """The page's main text only (no navigation, no code), offsets into the HTML source."""
    write("p.html", PAGE)
    code, report, err = _trace_json(cli, "p.html")
    assert (code, err) == (0, "")
    [entry] = report["files"]
    assert _spans(entry, PAGE, "sentences") == [
        "Blinatumomab",
        "In AALL1731, 3-year disease-free survival with <em>blinatumomab</em> was 98% versus\n"
        "87.9% with chemotherapy alone.",
        "It may not help every child."]
    assert [(q["text"], PAGE[q["start"]:q["end"]]) for q in entry["quantities"]] == [
        ("3-year", "3-year"), ("98%", "98%"), ("87.9%", "87.9%")]
    assert [(m["kind"], PAGE[m["trigger"]["start"]:m["trigger"]["end"]],
             PAGE[m["scope"]["start"]:m["scope"]["end"]]) for m in entry["modifiers"]] == [
        ("hedged", "may", "not help every child."), ("negated", "not", "help every child.")]
    assert [(PAGE[n["start"]:n["end"]], n["fact"], n["decision"][:8]) for n in entry["numbers"]] \
        == [("98%", "blinatumomab-sr-dfs-3y", "STAT001 "),
            ("87.9%", "blinatumomab-sr-dfs-3y", "agrees w")]


def test_a_page_line_is_a_source_line_as_check_reports_it(cli, write):
    write("p.html", PAGE)
    code, out, _ = cli("check", "--format", "json", "--select", "STAT", "p.html")
    [finding] = json.loads(out)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("STAT001", 7, 77)
    code, out, err = cli("trace", "p.html:8")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "p.html:7:4: sentence: In AALL1731, 3-year disease-free survival with blinatumomab was "
        "98% versus 87.9% with chemotherapy \u2026",
        '    number "87.9%": percent 87.9 %',
        "        claim: measure survival, measure_from sentence, subgroups ['chemo-alone']",
        "        candidate blinatumomab-sr-dfs-3y: score 11, value matches, strong, agrees on "
        "measure subject",
        "        decision: agrees with blinatumomab-sr-dfs-3y (row supported)",
        "p.html:8:32: sentence: It may not help every child.",
        '    hedged: "may" governs "not help every child."',
        '    negated: "not" governs "help every child."']
    _, report, _ = _trace_json(cli, "p.html:7")
    [entry] = report["files"]
    assert (entry["line"], _spans(entry, PAGE, "numbers")) == (7, ["98%"])


def test_a_word_document_is_read_as_check_reads_it(cli, write, tmp_path):
    from md2docx import convert

    convert(WRONG + "\nIt may not help every child.\n", tmp_path / "w.docx")
    code, out, _ = cli("check", "--format", "json", "--select", "STAT", "w.docx")
    [finding] = json.loads(out)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("STAT001", 3, 65)
    code, out, err = cli("trace", "w.docx:3")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "w.docx:3:1: sentence: In AALL1731, 3-year disease-free survival with blinatumomab was "
        "98% versus 87.9% with chemotherapy \u2026",
        '    number "98%": percent 98.0 %']
    _, report, _ = _trace_json(cli, "w.docx")
    [entry] = report["files"]
    assert [(n["text"], n["start"], n["decision"][:8]) for n in entry["numbers"]] == [
        ("98%", 11 + WRONG.index("98%") - WRONG.index("In AALL"), "STAT001 "),
        ("87.9%", 11 + WRONG.index("87.9%") - WRONG.index("In AALL"), "agrees w")]
    assert [s["strength"] for s in entry["sentences"]] == ["none", "none", "conditional-causal"]
