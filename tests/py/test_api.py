"""The Python API: inputs, typed results, errors, rubric browsing, pickling."""
import json
import pickle
import subprocess

import pytest

import spbe
from conftest import EXAMPLE

FULL_2020 = {str(i): 3 for i in range(1, 48)}


def test_rubrics_list_the_three_editions():
    ids = [r.id for r in spbe.rubrics()]
    assert ids == ["permenpanrb-5-2018", "permenpanrb-59-2020", "permenpanrb-8-2026"]
    assert [r.status for r in spbe.rubrics()] == ["reconstructed", "official", "official"]


def test_browse_a_rubric():
    r = spbe.Rubric.builtin("permenpanrb-59-2020")
    assert (len(r.domains), len(r.aspects), len(r.indicators)) == (4, 8, 47)
    assert [d.weight for d in r.domains] == [13.0, 25.0, 16.5, 45.5]
    assert str(r.domains[2].weight_decimal) == "16.50"
    i = r.indicator(32)
    assert i.name == "Tingkat Kematangan Layanan Perencanaan"
    assert i.question.startswith("Apakah Instansi Pusat/Pemerintah Daerah memiliki Layanan Perencanaan")
    assert [l.name for l in i.levels] == ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"]
    assert i.levels[0].criteria.startswith("Layanan Perencanan Berbasis Elektronik hanya memberikan")
    assert i.aspect == "7" and i.domain == "4" and i.weight == 2.75
    assert [p.name for p in r.predicates] == ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"]
    r18 = spbe.Rubric.builtin("permenpanrb-5-2018")
    assert r18.indicator("35").items == (1, 3)
    assert r18.slot_names[-3:] == ("35.1", "35.2", "35.3")
    r26 = spbe.Rubric.builtin("permenpanrb-8-2026")
    assert r26.domains == () and len(r26.aspects) == 7
    assert [p.label for p in r26.predicates] == ["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"]
    with pytest.raises(spbe.SpbeError) as e:
        r.indicator("48")
    assert e.value.code == "unknown_indicator"


def test_custom_rubric_from_text_and_path(tmp_path):
    spec = {
        "id": "my-rubric", "title": "Mine", "status": "custom",
        "scales": [{"id": "s", "name": "S", "levels": [{"level": 1}, {"level": 2}, {"level": 3}]}],
        "band_bounds": "lower_inclusive", "predicates": [{"name": "Low", "min": 1, "max": 2}, {"name": "High", "min": 2, "max": 3}],
        "aspects": [{"id": "A", "name": "A", "weight": 100, "indicators": [
            {"id": "a1", "name": "a1", "weight": 60, "scale": "s"}, {"id": "a2", "name": "a2", "weight": 40, "scale": "s"}]}],
    }
    r = spbe.Rubric.from_json(json.dumps(spec))
    p = tmp_path / "mine.json"
    p.write_text(json.dumps(spec))
    assert spbe.Rubric.from_json(p) == r
    assert spbe.Rubric.from_json(str(p)) == r
    rep = spbe.score({"a1": 3, "a2": 1}, rubric=r)
    assert (rep.index_text, rep.predicate) == ("2.20", "High")  # (60*3 + 40*1)/100
    bad = dict(spec, aspects=[dict(spec["aspects"][0], weight=90)])
    with pytest.raises(spbe.InvalidRubricError) as e:
        spbe.Rubric.from_json(json.dumps(bad))
    assert e.value.code == "invalid_rubric" and "100" in str(e.value)


def test_score_accepts_dict_path_text_vector_and_plain_mapping():
    from_path = spbe.score(EXAMPLE)
    from_str_path = spbe.score(str(EXAMPLE))
    from_dict = spbe.score(json.loads(EXAMPLE.read_text()))
    from_text = spbe.score(EXAMPLE.read_text())
    from_vector = spbe.score(spbe.to_vector(EXAMPLE))
    assert from_path == from_str_path == from_dict == from_text == from_vector
    assert from_path.track == "final"
    plain = spbe.score({i: 3 for i in range(1, 48)}, rubric="permenpanrb-59-2020")
    assert (plain.index, plain.predicate, plain.track) == (3.0, "Baik", "levels")
    with pytest.raises(spbe.UnknownRubricError):
        spbe.score({i: 3 for i in range(1, 48)})


def test_numpy_scalars_are_levels():
    np = pytest.importorskip("numpy")
    r = spbe.score({np.int64(i): np.int8(3) for i in range(1, 48)}, rubric="permenpanrb-59-2020")
    assert r.index == 3.0


def test_report_is_typed_and_to_dict_is_the_cli_json(cli):
    r = spbe.score(EXAMPLE)
    assert isinstance(r.index, float) and r.index == 2.67 and r.predicate == "Baik"
    assert r.index_exact == "2.6715"
    assert [d.id for d in r.domains] == ["1", "2", "3", "4"]
    assert isinstance(r.domains[0], spbe.DomainScore) and r.domains[0].name == "Kebijakan Internal SPBE"
    assert isinstance(r.indicators[0], spbe.IndicatorScore) and len(r.indicators) == 47
    i36 = r.indicators[35]
    assert (i36.id, i36.name, i36.levels, i36.source) == ("36", "Tingkat Kematangan Layanan Kepegawaian", (3,), "interviu")
    assert r.top_gains(1)[0].name == "Tingkat Kematangan Layanan Pengaduan Pelayanan Publik"
    assert "name" not in r.to_dict()["indicators"][0]
    assert r.next_predicate == spbe.NextPredicate("Sangat Baik", 3.5, 0.83)
    out = subprocess.run([cli, "score", str(EXAMPLE), "--format", "json"], capture_output=True, text=True, check=True)
    assert r.to_dict() == json.loads(out.stdout)
    assert "2.67 Baik" in repr(r) and "Kabupaten Sukamaju" in repr(r)
    # in Jupyter, the evaluation report itself (the document of `spbe report`)
    html = r._repr_html_()
    lhe = subprocess.run([cli, "report", str(EXAMPLE)], capture_output=True, text=True, check=True).stdout
    assert html == lhe
    assert "LAPORAN HASIL EVALUASI" in html.upper() and "Kebijakan Internal SPBE" in html and "2,67" in html
    dated = r.to_html(lang="en", date="2026-11-25")
    assert "25 November 2026" in dated and "2.67" in dated
    assert pickle.loads(pickle.dumps(r)).to_html() == html


def test_tracks_and_options():
    r = spbe.score(EXAMPLE, track="mandiri")
    assert r.track == "mandiri" and r.index > spbe.score(EXAMPLE).index
    with pytest.raises(spbe.UnknownTrackError):
        spbe.score(EXAMPLE, track="reviu")
    partial = dict(FULL_2020)
    del partial["5"]
    with pytest.raises(spbe.MissingIndicatorError) as e:
        spbe.score(partial, rubric="permenpanrb-59-2020")
    assert e.value.indicator == "5"
    low = spbe.score(partial, rubric="permenpanrb-59-2020", missing="lowest")
    assert not low.official and low.missing == ("5",)
    assert low.index_exact == "2.974"  # 3 - 2 * 1.30 / 100


@pytest.mark.parametrize(
    "levels, cls",
    [
        ({**FULL_2020, "9": 7}, spbe.LevelOutOfRangeError),
        ({**FULL_2020, "9": 2.5}, spbe.NonIntegerLevelError),
        ({**FULL_2020, "9": "2"}, spbe.InvalidLevelTypeError),
        ({**FULL_2020, "9": True}, spbe.InvalidLevelTypeError),
        ({**FULL_2020, "99": 2}, spbe.UnknownIndicatorError),
        ({**FULL_2020, "9": [2, 3]}, spbe.NotRepeatableError),
    ],
)
def test_error_classes(levels, cls):
    with pytest.raises(cls) as e:
        spbe.score(levels, rubric="permenpanrb-59-2020")
    err = e.value
    assert isinstance(err, spbe.InvalidAssessmentError) and isinstance(err, spbe.SpbeError) and isinstance(err, ValueError)
    assert err.code == cls.code and err.indicator in ("9", "99")
    assert err.indicator in str(err)
    # errors pickle too
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls and again.code == err.code and str(again) == str(err)


def test_other_error_classes(tmp_path):
    with pytest.raises(spbe.MalformedJsonError):
        spbe.score('{"rubric": "permenpanrb-59-2020", "levels": {')
    with pytest.raises(spbe.InvalidVectorError):
        spbe.score("SPBE1.permenpanrb-59-2020.L12")
    with pytest.raises(spbe.UnknownRubricError):
        spbe.score({"rubric": "nope", "levels": {"1": 1}})
    with pytest.raises(spbe.WrongItemCountError):
        spbe.score({**{str(i): 2 for i in range(1, 35)}, "35": [1, 2, 3, 4]}, rubric="permenpanrb-5-2018")
    with pytest.raises(spbe.SpbeIOError):
        spbe.score(tmp_path / "missing.json")
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.score(FULL_2020, rubric="permenpanrb-59-2020", missing="guess")
    with pytest.raises(spbe.RubricMismatchError):
        spbe.score({"rubric": "permenpanrb-5-2018", "levels": FULL_2020}, rubric=spbe.Rubric.builtin("permenpanrb-59-2020"))


def test_validate_lists_every_problem_and_never_raises():
    problems = spbe.validate({"rubric": "permenpanrb-59-2020", "levels": {"1": 9, "2": 2.5, "x": 1}})
    codes = [p["code"] for p in problems]
    for c in ("level_out_of_range", "non_integer_level", "unknown_indicator", "missing_indicator"):
        assert c in codes
    assert all(set(p) == {"code", "kind", "indicator", "message"} for p in problems)
    assert spbe.validate(EXAMPLE) == []
    for junk in (None, 42, object(), "not a file", b"bytes", {"levels": 5}, []):
        out = spbe.validate(junk)
        assert isinstance(out, list) and out and all("code" in p for p in out)


def test_vectors_round_trip():
    v = spbe.to_vector(EXAMPLE)
    assert v.startswith("SPBE1.permenpanrb-59-2020.")
    assert spbe.from_vector(v) == json.loads(EXAMPLE.read_text())


def test_pickle_report_and_rubric():
    r = spbe.score(EXAMPLE)
    again = pickle.loads(pickle.dumps(r))
    assert again == r and again.to_dict() == r.to_dict()
    rb = spbe.Rubric.builtin("permenpanrb-59-2020")
    rb2 = pickle.loads(pickle.dumps(rb))
    assert rb2 == rb and rb2.indicator("3").levels[2].criteria == rb.indicator("3").levels[2].criteria


def test_check_has_the_same_shape_as_in_js():
    ok = spbe.check({str(i): 3 for i in range(1, 48)}, rubric="permenpanrb-59-2020")
    assert ok["ok"] is True and isinstance(ok["report"], spbe.Report) and ok["report"].index_text == "3.00"
    bad = spbe.check({"rubric": "permenpanrb-8-2026", "levels": {"1": 9, "2": "x"}})
    assert bad["ok"] is False
    assert [i["code"] for i in bad["issues"]] == ["invalid_level_type", "level_out_of_range", "missing_indicator"]
    assert spbe.check("{")["issues"][0]["code"] == "malformed_json"


def test_every_failure_is_a_spbe_error(tmp_path):
    full = {str(i): 3 for i in range(1, 48)}
    # two keys naming one indicator: a duplicate, never last-wins
    with pytest.raises(spbe.DuplicateIndicatorError) as e:
        spbe.score({**full, 1: 4}, rubric="permenpanrb-59-2020")
    assert e.value.indicator == "1"
    assert spbe.validate({**full, 1: 4}, rubric="permenpanrb-59-2020")[0]["code"] == "duplicate_indicator"
    # deep nesting, bytes, NUL, non-UTF-8 files: typed errors with codes
    deep = 3
    for _ in range(3000):
        deep = [deep]
    for bad, cls in ((deep, spbe.InvalidAssessmentError), ([b"x"], spbe.InvalidAssessmentError)):
        with pytest.raises(cls):
            spbe.score({**full, "7": bad}, rubric="permenpanrb-59-2020")
    with pytest.raises(spbe.InvalidAssessmentError):
        spbe.score(b"{}")
    with pytest.raises(spbe.MalformedJsonError):
        spbe.score("\x00")
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"institution": "Kab. Contoh \xe9"}'.encode("latin-1"))
    with pytest.raises(spbe.SpbeIOError) as e:
        spbe.score(latin)
    assert e.value.code == "io_error"
    assert spbe.validate(deep)[0]["code"] == "invalid_assessment"


def test_dir_lists_the_api_only():
    names = dir(spbe)
    assert "score" in names and "plan_frame" in names and "UnreachableTargetError" in names
    assert not {"Any", "Dict", "json", "os", "re", "decimal"} & set(names)
    assert set(names) == set(spbe.__all__)
    assert "score_frame" in spbe.__doc__ and "plan(" in spbe.__doc__
