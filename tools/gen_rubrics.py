#!/usr/bin/env python3
"""One-off generator of spbe-core/rubrics/*.json from the reference notes.

Provenance tool, not part of the build or the tests: the JSON files it writes are
committed and reviewed by hand. It reads the reference notes (../shared/reference/
in the development checkout) for the official text so that nothing is retyped:
59/2020 (indicator names, questions, 235 level criteria) and 8/2026 (Tabel 1 names
and weights, Tabel 4, the range column, BAB II.C, and per indicator the name
variants, description, Instansi Pembina, Peran Fungsi, 100 range criteria and the
external index ranges). Everything else (the 2018/2020 structure, weights and
bands, English names, notes and anomaly texts we wrote) is spelled out below. The
8/2026 edition is checked by assertions (check_2026) before it is written.

Usage: python3 tools/gen_rubrics.py ../shared/reference spbe-core/rubrics
"""
import hashlib
import json
import re
import sys
from fractions import Fraction
from pathlib import Path

REF = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "spbe-core/rubrics")

SPBE_BANDS = [
    # name, name_en, min (inclusive), max (exclusive; the last band includes it)
    ("Kurang", "Poor", None, "1.8"),
    ("Cukup", "Fair", "1.8", "2.6"),
    ("Baik", "Good", "2.6", "3.5"),
    ("Sangat Baik", "Very good", "3.5", "4.2"),
    ("Memuaskan", "Satisfactory", "4.2", "5"),
]


def bands(rows, floor):
    out = []
    for row in rows:
        name, name_en, lo, hi = row[:4]
        band = {"name": name, "name_en": name_en, "min": lo if lo is not None else floor, "max": hi}
        if len(row) > 4:
            band["label"], band["label_en"] = row[4], row[5]
        out.append(band)
    return out


# ---------------------------------------------------------------- 59/2020
def table_rows(text):
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            yield [c.strip() for c in line.strip().strip("|").split("|")]


def parse_2020():
    md = (REF / "rubric-permenpanrb-59-2020.md").read_text()
    sec = lambda a, b: md[md.index(a): md.index(b)]
    names, questions, criteria = {}, {}, {}
    for row in table_rows(sec("### 2.3 Indicators", "**Name variants")):
        if row[0].isdigit():
            names[row[0]] = row[1]
    for row in table_rows(sec("### 2.4 Kuesioner", "## 3. Weights")):
        if row[0].isdigit():
            questions[row[0]] = row[1]
    body = sec("### 7.3 Full criteria table", "### 7.4 Rewordings")
    for block in re.split(r"^#### Indikator ", body, flags=re.M)[1:]:
        num = block.split(":", 1)[0].strip()
        cells = []
        for row in table_rows(block):
            m = re.match(r"(\d) \(", row[0])
            if m:
                assert int(m.group(1)) == len(cells) + 1, (num, row[0])
                cells.append(row[1])
        assert len(cells) == 5, num
        criteria[num] = cells
    assert len(names) == len(questions) == len(criteria) == 47
    return names, questions, criteria


EN_2020 = {
    "1": "Maturity of the internal policy on the institution's SPBE architecture",
    "2": "Maturity of the internal policy on the institution's SPBE roadmap",
    "3": "Maturity of the internal policy on data management",
    "4": "Maturity of the internal policy on SPBE application development",
    "5": "Maturity of the internal policy on data centre services",
    "6": "Maturity of the internal policy on the institution's intranet services",
    "7": "Maturity of the internal policy on using the institution's service bus",
    "8": "Maturity of the internal policy on information security management",
    "9": "Maturity of the internal policy on ICT audit",
    "10": "Maturity of the internal policy on the institution's SPBE coordination team",
    "11": "Maturity of the institution's SPBE architecture",
    "12": "Maturity of the institution's SPBE roadmap",
    "13": "Maturity of integrated SPBE planning and budgeting",
    "14": "Maturity of SPBE business process innovation",
    "15": "Maturity of SPBE application development",
    "16": "Maturity of data centre services",
    "17": "Maturity of the institution's intranet services",
    "18": "Maturity of the use of the institution's service bus",
    "19": "Maturity of the work of the institution's SPBE coordination team",
    "20": "Maturity of collaborative SPBE implementation",
    "21": "Maturity of SPBE risk management",
    "22": "Maturity of information security management",
    "23": "Maturity of data management",
    "24": "Maturity of ICT asset management",
    "25": "Maturity of human resource competence",
    "26": "Maturity of knowledge management",
    "27": "Maturity of change management",
    "28": "Maturity of SPBE service management",
    "29": "Maturity of SPBE infrastructure audits",
    "30": "Maturity of SPBE application audits",
    "31": "Maturity of SPBE security audits",
    "32": "Maturity of the planning service",
    "33": "Maturity of the budgeting service",
    "34": "Maturity of the finance service",
    "35": "Maturity of the procurement service",
    "36": "Maturity of the civil service (personnel) service",
    "37": "Maturity of the records (dynamic archives) service",
    "38": "Maturity of the state/regional asset management service",
    "39": "Maturity of the internal audit service",
    "40": "Maturity of the organisational performance accountability service",
    "41": "Maturity of the employee performance service",
    "42": "Maturity of the public complaints service",
    "43": "Maturity of the open data service",
    "44": "Maturity of the legal documentation and information network (JDIH)",
    "45": "Maturity of the public service of sector 1",
    "46": "Maturity of the public service of sector 2",
    "47": "Maturity of the public service of sector 3",
}

ALIASES_2020 = {
    "9": ["Tingkat Kematangan Kebijakan Internal Audit Teknologi Informasi dan Komunikasi"],
    "13": ["Tingkat Kematangan Rencana dan Anggaran SPBE"],
    "19": ["Tingkat Kematangan Tim Koordinasi SPBE Instansi Pusat/Pemerintah Daerah"],
    "25": ["Tingkat Kematangan Penerapan Kompetensi Sumber Daya"],
    "44": ["Tingkat Kematangan Layanan Jaringan Dokumentasi dan Informasi Hukum (JDIH)"],
}


# Whether the published predicate was read from the unrounded index ("exact") or from the
# index rounded half up to 2 decimals ("reported"); the Permen says nothing.
PREDICATE_RULE_2020 = {
    "default": "exact",
    "default_note": "PermenPANRB 59/2020 states no rounding or classification rule, and the practice is known only for the years listed. For other years the default follows the latest known round (2024, unrounded) and the reference notes' recommendation to classify the unrounded value.",
    "years": [
        {"year": 2023, "basis": "reported",
         "evidence": "The national report of the 2023 SPBE evaluation publishes Kab. Boven Digoel 2023, exact index 1.7995, as \"1,80 Cukup\" (Cukup only from the rounded value; the exact value is Kurang)."},
        {"year": 2024, "basis": "exact",
         "evidence": "Laporan Pelaksanaan Evaluasi SPBE 2024 (KemenPANRB, 2025-03-13): Kab. Pacitan, exact index 3.4985, published \"3,50 Baik\"; Kab. Luwu, exact 2.596 or 2.5985, published \"2,60 Cukup\"; Kab. Nias Barat, exact 1.7975, published \"1,80 Kurang\" (each predicate is that of the unrounded value)."},
    ],
}


def rubric_2020():
    names, questions, criteria = parse_2020()
    domains = [
        ("1", "Kebijakan Internal SPBE", "Internal SPBE policy", "13.00", [
            ("1", "Kebijakan Internal Tata Kelola SPBE", "Internal policy on SPBE governance", "13.00", range(1, 11), "1.30", "kebijakan")]),
        ("2", "Tata Kelola SPBE", "SPBE governance", "25.00", [
            ("2", "Perencanaan Strategis SPBE", "SPBE strategic planning", "10.00", range(11, 15), "2.50", "tata_kelola"),
            ("3", "Teknologi Informasi dan Komunikasi", "Information and communication technology", "10.00", range(15, 19), "2.50", "tata_kelola"),
            ("4", "Penyelenggara SPBE", "SPBE organisers", "5.00", range(19, 21), "2.50", "tata_kelola")]),
        ("3", "Manajemen SPBE", "SPBE management", "16.50", [
            ("5", "Penerapan Manajemen SPBE", "Application of SPBE management", "12.00", range(21, 29), "1.50", "manajemen"),
            ("6", "Pelaksanaan Audit TIK", "ICT audits", "4.50", range(29, 32), "1.50", "manajemen")]),
        ("4", "Layanan SPBE", "SPBE services", "45.50", [
            ("7", "Layanan Administrasi Pemerintahan Berbasis Elektronik", "Electronic government administration services", "27.50", range(32, 42), "2.75", "layanan"),
            ("8", "Layanan Publik Berbasis Elektronik", "Electronic public services", "18.00", range(42, 48), "3.00", "layanan")]),
    ]
    aspect_aliases = {"2": ["Perencanaan Strategi SPBE"], "6": ["Audit TIK", "Audit Teknologi Informasi"],
                      "7": ["Layanan Pemerintahan Berbasis Elektronik"]}
    out_domains = []
    for did, dname, den, dw, aspects in domains:
        out_aspects = []
        for aid, aname, aen, aw, rng, iw, kind in aspects:
            inds = []
            for n in rng:
                k = str(n)
                ind = {
                    "id": k,
                    "name": names[k],
                    "name_en": EN_2020[k],
                    "weight": iw,
                    "kind": kind,
                    "scale": "layanan" if kind == "layanan" else "proses",
                    "question": questions[k],
                    "criteria": criteria[k],
                }
                if k in ALIASES_2020:
                    ind["aliases"] = ALIASES_2020[k]
                inds.append(ind)
            a = {"id": aid, "name": aname, "name_en": aen, "weight": aw}
            if aid in aspect_aliases:
                a["aliases"] = aspect_aliases[aid]
            a["indicators"] = inds
            out_aspects.append(a)
        out_domains.append({"id": did, "name": dname, "name_en": den, "weight": dw, "aspects": out_aspects})

    md = (REF / "rubric-permenpanrb-59-2020.md").read_text()
    t1 = md[md.index("### 6.1 Kapabilitas Proses"):md.index("**Detailed criteria")]
    t2 = md[md.index("### 6.2 Kapabilitas Layanan"):md.index("The detailed version")]
    def scale_levels(text, en_names):
        levels = []
        for row in table_rows(text):
            m = re.match(r"(\d) – (.+)", row[0])
            if m:
                lv = int(m.group(1))
                levels.append({"level": lv, "name": m.group(2), "name_en": en_names[lv - 1], "criteria": row[1]})
        assert len(levels) == 5
        return levels
    scales = [
        {"id": "proses", "name": "Kapabilitas Proses", "name_en": "Process capability",
         "levels": scale_levels(t1, ["Initial", "Managed", "Defined", "Integrated and measured", "Optimised"])},
        {"id": "layanan", "name": "Kapabilitas Layanan", "name_en": "Service capability",
         "levels": scale_levels(t2, ["Information", "Interaction", "Transaction", "Collaboration", "Optimised"])},
    ]
    return {
        "id": "permenpanrb-59-2020",
        "short_title": "PermenPANRB 59/2020",
        "title": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik",
        "title_en": "Regulation of the Minister of Administrative and Bureaucratic Reform No. 59 of 2020 on the Monitoring and Evaluation of Electronic-Based Government Systems",
        "legal_basis": "Pasal 71 ayat (3) Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
        "publication": "Berita Negara Republik Indonesia Tahun 2020 Nomor 994",
        "in_force": {"from": 2021, "to": 2025},
        "status": "official",
        "status_note": "Structure, weights (Tabel 7-9), formulas, predicates (Tabel 13), level scales (Tabel 1-2), questions and all 235 level criteria (Lampiran I.E) as printed in the official text. The regulation specifies no rounding rule; see the README for the one this library applies.",
        "index_name": "Indeks SPBE",
        "index_name_en": "SPBE index",
        "sources": [
            "PermenPANRB 59/2020, SALINAN, Berita Negara RI 2020 No. 994, Lampiran I (Tabel 1, 2, 7, 8, 9, 10-13; Kuesioner)",
            "Pedoman Menteri PANRB No. 3 Tahun 2024 (carry-forward between evaluation stages)",
        ],
        "scales": scales,
        "predicates": bands(SPBE_BANDS, "1"),
        "band_bounds": "lower_inclusive",
        "predicate_rule": PREDICATE_RULE_2020,
        "criteria_rule": {
            "cumulative": True,
            "basis": "stated",
            "note": "Almost every level n >= 2 of the Kuesioner begins \"Kriteria tingkat n-1 telah terpenuhi\": a level is reached only if all lower levels are met (reference notes 7.1; as printed, ind. 22 level 2 and ind. 3 do not restate it).",
        },
        "domains": out_domains,
    }


# ---------------------------------------------------------------- 5/2018
IND_2018 = [
    ("1", "Kebijakan Internal Tim Pengarah SPBE Instansi Pemerintah", "Internal policy on the institution's SPBE steering team"),
    ("2", "Kebijakan Internal Inovasi Proses Bisnis Terintegrasi", "Internal policy on integrated business process innovation"),
    ("3", "Kebijakan Internal Rencana Induk SPBE Instansi Pemerintah", "Internal policy on the institution's SPBE master plan"),
    ("4", "Kebijakan Internal Anggaran dan Belanja TIK", "Internal policy on ICT budget and spending"),
    ("5", "Kebijakan Internal Pengoperasian Pusat Data", "Internal policy on data centre operation"),
    ("6", "Kebijakan Internal Integrasi Sistem Aplikasi", "Internal policy on application system integration"),
    ("7", "Kebijakan Internal Penggunaan Aplikasi Umum Berbagi Pakai", "Internal policy on using shared general applications"),
    ("8", "Kebijakan Internal Layanan Naskah Dinas", "Internal policy on the official correspondence service"),
    ("9", "Kebijakan Internal Layanan Manajemen Kepegawaian", "Internal policy on the personnel management service"),
    ("10", "Kebijakan Internal Layanan Manajemen Perencanaan dan Penganggaran", "Internal policy on the planning and budgeting management service"),
    ("11", "Kebijakan Internal Layanan Manajemen Keuangan", "Internal policy on the financial management service"),
    ("12", "Kebijakan Internal Layanan Manajemen Kinerja", "Internal policy on the performance management service"),
    ("13", "Kebijakan Internal Layanan Pengadaan", "Internal policy on the procurement service"),
    ("14", "Kebijakan Internal Layanan Pengaduan Publik", "Internal policy on the public complaints service"),
    ("15", "Kebijakan Internal Layanan Dokumentasi dan Informasi Hukum", "Internal policy on the legal documentation and information service"),
    ("16", "Kebijakan Internal Layanan Whistle Blowing System (WBS)", "Internal policy on the whistle-blowing system service"),
    ("17", "Kebijakan Internal Layanan Publik Instansi Pemerintah", "Internal policy on the institution's public services"),
    ("18", "Tim Pengarah SPBE Instansi Pemerintah", "The institution's SPBE steering team"),
    ("19", "Inovasi Proses Bisnis Terintegrasi", "Integrated business process innovation"),
    ("20", "Rencana Induk SPBE Instansi Pemerintah", "The institution's SPBE master plan"),
    ("21", "Anggaran dan Belanja TIK", "ICT budget and spending"),
    ("22", "Pengoperasian Pusat Data", "Data centre operation"),
    ("23", "Integrasi Sistem Aplikasi", "Application system integration"),
    ("24", "Penggunaan Aplikasi Umum Berbagi Pakai", "Use of shared general applications"),
    ("25", "Layanan Naskah Dinas", "Official correspondence service"),
    ("26", "Layanan Manajemen Kepegawaian", "Personnel management service"),
    ("27", "Layanan Manajemen Perencanaan", "Planning management service"),
    ("28", "Layanan Manajemen Penganggaran", "Budgeting management service"),
    ("29", "Layanan Manajemen Keuangan", "Financial management service"),
    ("30", "Layanan Manajemen Kinerja", "Performance management service"),
    ("31", "Layanan Pengadaan", "Procurement service"),
    ("32", "Layanan Pengaduan Publik", "Public complaints service"),
    ("33", "Layanan Dokumentasi dan Informasi Hukum", "Legal documentation and information service"),
    ("34", "Layanan Whistle-Blowing System", "Whistle-blowing system service"),
    ("35", "Layanan Publik Instansi Pemerintah", "The institution's public services (one to three reported services)"),
]


def rubric_2018():
    ind = {k: (n, e) for k, n, e in IND_2018}
    def inds(lo, hi, w, scale):
        out = []
        for n in range(lo, hi + 1):
            k = str(n)
            d = {"id": k, "name": ind[k][0], "name_en": ind[k][1], "weight": w, "scale": scale}
            if k == "35":
                d["items"] = {"min": 1, "max": 3}
            out.append(d)
        return out
    domains = [
        {"id": "1", "name": "Kebijakan Internal SPBE", "name_en": "Internal SPBE policy", "weight": "17", "aspects": [
            {"id": "1", "name": "Kebijakan Internal Tata Kelola SPBE", "name_en": "Internal policy on SPBE governance", "weight": "7", "indicators": inds(1, 7, "1", "kebijakan")},
            {"id": "2", "name": "Kebijakan Internal Layanan SPBE", "name_en": "Internal policy on SPBE services", "weight": "10", "indicators": inds(8, 17, "1", "kebijakan")}]},
        {"id": "2", "name": "Tata Kelola SPBE", "name_en": "SPBE governance", "weight": "28", "aspects": [
            {"id": "3", "name": "Kelembagaan", "name_en": "Institutional arrangements", "weight": "8", "indicators": inds(18, 19, "4", "tata_kelola")},
            {"id": "4", "name": "Strategi dan Perencanaan", "name_en": "Strategy and planning", "weight": "8", "indicators": inds(20, 21, "4", "tata_kelola")},
            {"id": "5", "name": "Teknologi Informasi dan Komunikasi", "name_en": "Information and communication technology", "weight": "12", "indicators": inds(22, 24, "4", "tata_kelola")}]},
        {"id": "3", "name": "Layanan SPBE", "name_en": "SPBE services", "weight": "55", "aspects": [
            {"id": "6", "name": "Layanan Administrasi Pemerintahan Berbasis Elektronik", "name_en": "Electronic government administration services", "weight": "35", "indicators": inds(25, 31, "5", "layanan")},
            {"id": "7", "name": "Layanan Publik Berbasis Elektronik", "name_en": "Electronic public services", "weight": "20", "indicators": inds(32, 35, "5", "layanan")}]},
    ]
    for d in domains:
        for a in d["aspects"]:
            for i in a["indicators"]:
                i["kind"] = i["scale"]
    def lv(level, summary, name=None, name_en=None):
        d = {"level": level}
        if name:
            d["name"], d["name_en"] = name, name_en
        d["summary_en"] = summary
        return d
    scales = [
        {"id": "kebijakan", "name": "Kebijakan internal", "name_en": "Internal policy (indicators 1-17)", "levels": [
            lv(0, "No internal policy exists."),
            lv(1, "The policy is drafted (konsep) but not yet enacted."),
            lv(2, "The policy is enacted and covers part of the units or needs."),
            lv(3, "The policy covers all units and needs."),
            lv(4, "The policy gives direction for integration and collaboration across institutions."),
            lv(5, "The policy is evaluated periodically and improved.")]},
        {"id": "tata_kelola", "name": "Tata kelola", "name_en": "Governance (indicators 18-24)", "levels": [
            lv(0, "No team, document or system exists."),
            lv(1, "It exists but is not yet definitive (e.g. the team is not yet formally established)."),
            lv(2, "It is definitive and carries out part of its tasks."),
            lv(3, "It carries out all of its tasks."),
            lv(4, "It is monitored and evaluated periodically."),
            lv(5, "Its effectiveness is improved from the evaluations.")]},
        {"id": "layanan", "name": "Layanan", "name_en": "Services (indicators 25-35)", "levels": [
            lv(0, "No electronic system exists."),
            lv(1, "One-way dissemination of information.", "Informasi", "Information"),
            lv(2, "Two-way interaction: search, upload and download.", "Interaksi", "Interaction"),
            lv(3, "The system responds with transactions (approval, electronic signature, ...).", "Transaksi", "Transaction"),
            lv(4, "Integrated with other services or institutions.", "Kolaborasi", "Collaboration"),
            lv(5, "Adapts to changes in environment, technology and needs.", "Optimalisasi", "Optimisation")]},
    ]
    return {
        "id": "permenpanrb-5-2018",
        "short_title": "PermenPANRB 5/2018",
        "title": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 5 Tahun 2018 tentang Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik",
        "title_en": "Regulation of the Minister of Administrative and Bureaucratic Reform No. 5 of 2018 on Guidelines for the Evaluation of Electronic-Based Government Systems",
        "legal_basis": "Peraturan Menteri PANRB Nomor 5 Tahun 2018 tentang Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik (digantikan oleh Peraturan Menteri PANRB Nomor 59 Tahun 2020 mulai 1 Januari 2021)",
        "in_force": {"from": 2018, "to": 2020},
        "status": "reconstructed",
        "status_note": "Structure and predicate bands are confirmed; the weights and the indicator-35 rule (each reported public service is a separate, equally weighted item of aspect 7) are reconstructed: they are the only scheme found that reproduces officially published 2018 and 2019 results to the last digit. Level 0 exists as an answer and counts as 0. The level texts are English summaries of the 2018 guidance, not official criteria; the level names of the policy and governance ladders are not known and are left out.",
        "index_name": "Indeks SPBE",
        "index_name_en": "SPBE index",
        "sources": [
            "Buku Pedoman Evaluasi SPBE (KemenPANRB, v1.0-1.3, 2017-2018)",
            "2018 questionnaire 'Pertanyaan Tingkat Kematangan' (levels 0-5)",
            "KemenPANRB slide 'Sekilas PermenPANRB 59/2020' (per-aspect indicator counts 2018 and 2020)",
            "Published 2018 and 2019 results of a city (weights and the indicator-35 rule reproduce them exactly)",
        ],
        "scales": scales,
        "predicates": bands(SPBE_BANDS, "0"),
        "band_bounds": "lower_inclusive",
        "predicate_rule": {
            "default": "exact",
            "default_note": "No published evidence either way; the default is the rule of the latest known SPBE practice (2024: the predicate is read from the unrounded index).",
        },
        "criteria_rule": {
            "cumulative": True,
            "basis": "assumed",
            "note": "The 2018 questionnaire's levels are capability levels that build on each other; read as cumulative, as 59/2020 states for its own criteria.",
        },
        "domains": domains,
    }


# ---------------------------------------------------------------- 8/2026
MD_2026 = "rubric-permenpanrb-8-2026.md"
BAND_EN = ["Poor", "Fair", "Good", "Very good", "Satisfactory"]


def ws(text):
    """Whitespace normalised (runs of blanks to one space, trimmed)."""
    return re.sub(r"\s+", " ", text).strip()


def unemph(text):
    """Markdown emphasis (*Initiate*, **SDI**) removed; used only on the notes' own tables."""
    return re.sub(r"\*+([^*]+)\*+", r"\1", text)


def dec(text):
    """'1,50' -> '1.50' (digits kept as printed)."""
    out = text.strip().replace(",", ".")
    assert re.fullmatch(r"\d+(\.\d+)?", out), text
    return out


def pct(text):
    m = re.fullmatch(r"(\d+) ?%", text.strip())
    assert m, text
    return m.group(1)


def cap(text):
    """A gloss of the notes as a name: 'the organisers (…)' -> 'Organisers (…)'."""
    text = re.sub(r"^the ", "", text)
    return text[:1].upper() + text[1:]


def no_markup(text, where):
    for bad in ("<br", "**", "`", "\n> ", "  \n", "|"):
        assert bad not in text, (where, bad, text)
    assert not text.startswith("> ") and not text.endswith(" "), (where, text)
    assert "*" not in text, (where, text)


def block_after(block, label):
    """The text after a bold label: the rest of its line, else the blockquote lines below it."""
    rest = block[block.index(label) + len(label):]
    first, _, below = rest.partition("\n")
    if first.strip():
        return [first.strip()]
    lines = []
    for line in below.splitlines():
        if line.startswith(">"):
            lines.append(line[1:].strip())
        elif lines or line.strip():
            break
    assert lines, label
    return lines


def numbered(lines, where):
    """'1. X.' lines (or one unnumbered line) -> ['X', ...]: number and list-final period dropped."""
    if len(lines) == 1 and not re.match(r"\d+\. ", lines[0]):
        return [ws(lines[0]).removesuffix(".")]
    out = []
    for n, line in enumerate(lines, 1):
        m = re.fullmatch(r"(\d+)\. (.+)", ws(line))
        assert m and int(m.group(1)) == n, (where, line)
        out.append(m.group(2).removesuffix("."))
    return out


def inline_numbered(text, where):
    """'1. Fungsi A. 2. Fungsi B' -> ['Fungsi A', 'Fungsi B']."""
    parts = re.split(r"(?:^|(?<=\s))(\d+)\. ", ws(text))
    assert parts[0] == "", (where, text)
    out = []
    for n, (num, item) in enumerate(zip(parts[1::2], parts[2::2]), 1):
        assert int(num) == n, (where, text)
        out.append(item.strip().removesuffix("."))
    return out


RANGE_RE = re.compile(
    r"(?:(?P<lo>\d+(?:,\d+)?) (?P<lop><=|<|≤) )?(?P<ix>SDI|SJIG|IPS) (?P<hop><=|<|≤) (?P<hi>\d+(?:,\d+)?)")


def parse_2026():
    md = (REF / MD_2026).read_text()
    sec = lambda a, b: md[md.index(a): md.index(b, md.index(a))]
    p = {"md": md}

    # §0: source S1 and its sha256
    s0 = sec("## 0. Sources", "## 1. Identity")
    p["sha256"] = re.search(r"sha256 `([0-9a-f]{64})`", s0).group(1)
    p["s1_repo"] = re.search(r"public repository `([^`]+)` at commit `([0-9a-f]{40})`, path `([^`]+)`", s0).groups()
    pdf = REF / "sources" / "permenpanrb-8-2026.pdf"
    if pdf.exists():
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == p["sha256"], "S1 copy does not match its sha256"

    # §3.1 Tabel 1: aspects, indicators, weights; aspect glosses
    aspects = []
    for row in table_rows(sec("### 3.1 Tabel 1", "Short English glosses")):
        if len(row) == 6 and row[3].isdigit():
            if row[0]:
                assert row[0] == str(len(aspects) + 1), row
                aspects.append({"id": row[0], "weight": pct(row[1]), "name": row[2], "indicators": []})
            aspects[-1]["indicators"].append({"id": row[3], "weight": pct(row[4]), "name": row[5]})
    gloss_a = {}
    for row in table_rows(sec("Short English glosses", "Indicator glosses are given")):
        m = re.fullmatch(r"(\d) (.+)", row[0])
        if m:
            assert m.group(2) == aspects[int(m.group(1)) - 1]["name"], row
            gloss_a[m.group(1)] = cap(row[1])
    for a in aspects:
        a["name_en"] = gloss_a[a["id"]]
    p["aspects"] = aspects

    # §3.2 aspect-name variants (printed elsewhere in the Permen)
    s32 = sec("### 3.2 Name variants", "## 4. Weights")
    alias_a = {m.group(1): [m.group(2)] for m in re.finditer(r'Aspect (\d) appears as "([^"]+)"', s32)}
    for m in re.finditer(r'\*\*Aspect (\d)\*\* is "[^"]+" in [^,]+, but \*\*"([^"]+)"\*\*', s32):
        alias_a.setdefault(m.group(1), []).append(m.group(2))
    assert sorted(alias_a) == ["1", "5"], alias_a
    p["aspect_aliases"] = alias_a

    # §6.1 Tabel 4 (predicates), §6.2 indicator range column, §6.3 level descriptions
    preds = []
    for row in table_rows(sec("### 6.1 Tabel 4", "**The underline.**")):
        m = re.fullmatch(r"([\[(])([\d,]+); ([\d,]+)\]", row[2]) if len(row) == 4 else None
        if m:
            name, label, label_en = unemph(row[3]).split("/")
            preds.append({"name": name, "label": label, "label_en": label_en,
                          "min": dec(m.group(2)), "max": dec(m.group(3)),
                          "closed_below": m.group(1) == "[", "printed": row[1]})
    ranges = []
    for row in table_rows(sec("### 6.2 The range column", "### 6.3 Tingkat")):
        m = re.fullmatch(r"([\[(])([\d,]+); ([\d,]+)\]", row[1]) if len(row) == 3 else None
        if m:
            assert row[2] == str(len(ranges) + 1), row
            left = unemph(row[0])
            lm = re.fullmatch(r"(.+) \((.+)/(.+)\) — (.+)", left)
            ranges.append({"name": lm.group(1), "label": lm.group(2), "label_en": lm.group(3),
                           "printed": lm.group(4), "min": dec(m.group(2)), "max": dec(m.group(3)),
                           "closed_below": m.group(1) == "[", "cell": left.replace(" — ", "<br>")})
    levels = []
    for row in table_rows(sec("### 6.3 Tingkat", "## 7. Indicator values")):
        m = re.fullmatch(r"(\d)\. (.+) \((.+)/\*(.+)\*\)", row[0])
        if m:
            assert int(m.group(1)) == len(levels) + 1, row
            levels.append({"name": m.group(2), "label": m.group(3), "label_en": m.group(4),
                           "criteria": ws(unemph(row[1]))})
    assert len(preds) == len(ranges) == len(levels) == 5
    for pr, rg, lv in zip(preds, ranges, levels):
        assert pr["name"] == rg["name"] == lv["name"] and pr["label"] == rg["label"] == lv["label"]
        assert pr["label_en"] == rg["label_en"] == lv["label_en"]
        assert pr["max"] == rg["max"] and Fraction(pr["min"]) == Fraction(rg["min"]), (pr, rg)
        no_markup(lv["criteria"], "BAB II.C " + lv["name"])
    # upper-inclusive: the first band closed at both ends, the others open below
    assert [r["closed_below"] for r in preds] == [True, False, False, False, False]
    assert [r["closed_below"] for r in ranges] == [True, False, False, False, False]
    p["preds"], p["ranges"], p["levels"] = preds, ranges, levels

    # §8: external ranges of I5-I7 (an independent transcription of the same items)
    ext = {}
    rows = list(table_rows(sec("## 8. Externally scored", "Notes:")))
    cols = [re.match(r"I(\d+) .*?\*\*(SDI|SJIG|IPS)\*\*", c).groups() for c in rows[0][1:]]
    for lv, row in enumerate(rows[1:], 1):
        for (ind, ix), cell in zip(cols, row[1:]):
            m = re.match(r'"([^"]+)" \(item (\d+)', cell)
            ext.setdefault(ind, {"index": ix, "ranges": {}})["ranges"][lv] = (m.group(1), int(m.group(2)))
    assert sorted(ext, key=int) == ["5", "6", "7"] and all(len(e["ranges"]) == 5 for e in ext.values())
    p["ext8"] = ext

    # §9.3: the 20 indicators
    inds = {}
    body = sec("### 9.3 Indicators 1–20", "## 10. Anomalies")
    for block in re.split(r"^#### Indikator ", body, flags=re.M)[1:]:
        num, title = re.match(r"(\d+): (.+)\n", block).groups()
        g = re.search(r"^\*Gloss: (.+?)\. Aspek (\d) \(([^)]+)\); bobot (\d+) % \(Tabel 1\); (S1 hlm\. .+?)\.\*$",
                      block, re.M)
        t1 = re.search(r'^- Name in Tabel 1: "([^"]+)"$', block, re.M).group(1)
        hn, heading = re.search(r'^- Heading in the Lampiran: "Indikator (\d+)\. ([^"]+)"$', block, re.M).groups()
        kues, bobot = re.search(r'^- Kuesioner cell of the indicator table: "([^"]+)"; Bobot cell: (\d+)%$',
                                block, re.M).groups()
        assert t1 == title and hn == num, num
        desc = block_after(block, "**Deskripsi Indikator** (verbatim):")
        pembina = block_after(block, "**Instansi Pembina** (verbatim):")
        peran = block_after(block, "**Peran Fungsi di Instansi Pemerintah** (verbatim):")
        assert len(peran) == 1, num
        crit, left = [], []
        for row in table_rows(block):
            if len(row) == 2 and re.match(r"(Kurang|Cukup|Baik|Sangat Baik|Memuaskan) \(", row[0]):
                left.append(row[0])
                crit.append("\n".join(ws(item) for item in row[1].split("<br>")))
        assert len(crit) == 5, num
        assert left == [r["cell"] for r in ranges], (num, left)  # the range column of §6.2, in order
        inds[num] = {
            "name": t1, "heading": heading, "kuesioner": kues, "bobot_cell": bobot,
            "gloss": cap(g.group(1)), "aspect": g.group(2), "aspect_name": g.group(3),
            "weight_note": g.group(4), "source": g.group(5),
            "description": "\n".join(ws(line) for line in desc),
            "instansi_pembina": numbered(pembina, num),
            "peran_fungsi": inline_numbered(peran[0], num),
            "criteria": crit,
        }
    assert sorted(inds, key=int) == [str(n) for n in range(1, 21)]
    p["inds"] = inds
    return p


# §9.2 of the notes, typed from its two tables as an independent check of what is parsed from §9.3.
PERAN_ABBR = {
    "Fungsi Perencanaan": "Ren", "Fungsi Organisasi dan Tata Laksana": "Ortala",
    "Fungsi Sumber Daya Manusia (SDM)": "SDM", "Fungsi SDM": "SDM", "Fungsi Sumber Daya Manusia": "SDM",
    "Fungsi Teknologi, Informasi, dan Komunikasi": "TIK", "Fungsi Pengelola Layanan Digital": "PLD",
    "Fungsi Pemilik Layanan": "PL", "Fungsi Pengawasan Intern": "Was", "Fungsi Statistik": "Stat",
    "Fungsi Persandian": "Sandi", "Fungsi Kearsipan Nasional": "Arsip",
}
PERAN_2026 = {
    "1": "Ren Ortala SDM TIK PLD PL Was", "2": "Ren Ortala SDM TIK PLD PL Was", "3": "Ortala SDM TIK",
    "4": "Ortala TIK PLD PL", "5": "Ren TIK PLD", "6": "Ren TIK PLD Stat", "7": "Ren TIK PLD Stat Sandi",
    "8": "Ren TIK PLD PL Was", "9": "TIK PLD PL Was", "10": "TIK PLD", "11": "TIK PLD",
    "12": "Ortala SDM TIK PLD", "13": "TIK PLD PL", "14": "TIK PLD", "15": "Ortala TIK PLD PL Arsip",
    "16": "TIK PLD", "17": "TIK PLD", "18": "Ren TIK PLD PL", "19": "TIK PLD PL", "20": "TIK PLD PL",
}
PEMBINA_ABBR = [
    ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPANRB"),
    ("Kementerian Komunikasi dan Digital", "Komdigi"),
    ("Kementerian Perencanaan Pembangunan Nasional/Bappenas", "Bappenas"),
    ("Badan Siber dan Sandi Negara", "BSSN"), ("Badan Sandi dan Siber Negara", "BSSN"),
    ("Kementerian Dalam Negeri", "Kemendagri"), ("Badan Kepegawaian Negara", "BKN"),
    ("Lembaga Administrasi Negara", "LAN"), ("Badan Riset dan Inovasi Nasional", "BRIN"),
    ("Badan Pengawasan Keuangan dan Pembangunan", "BPKP"), ("Badan Informasi Geospasial", "BIG"),
    ("Badan Pusat Statistik", "BPS"), ("Arsip Nasional Republik Indonesia", "ANRI"),
]
PEMBINA_2026 = {
    "1": "KemenPANRB Komdigi Bappenas BSSN", "2": "KemenPANRB Bappenas BSSN BRIN BPKP",
    "3": "KemenPANRB Komdigi Kemendagri BKN LAN", "4": "KemenPANRB Kemendagri", "5": "Bappenas",
    "6": "BIG", "7": "BPS", "8": "Komdigi", "9": "BSSN", "10": "BSSN", "11": "BSSN", "12": "BSSN",
    "13": "Komdigi", "14": "Komdigi", "15": "KemenPANRB Bappenas Kemendagri ANRI", "16": "Komdigi",
    "17": "Komdigi BSSN", "18": "Bappenas", "19": "KemenPANRB", "20": "KemenPANRB",
}

# External indices: which index, how the indicator uses it, who runs it, and our short note.
# Quoted Indonesian fragments are checked against the parsed text of the indicator.
EXTERNAL_2026 = {
    "5": ("SDI", "scored_from", "Bappenas (Kementerian Perencanaan Pembangunan Nasional)",
          'An SDI value on 0-100, printed as a numbered item of each range. The Permen neither names the '
          'instrument behind the value nor defines it as a number; the description says "melalui serangkaian proses Satu Data '
          'Indonesia" and the Instansi Pembina is Bappenas. The ranges start at 0 (indicator values at 1) and '
          'do not scale linearly onto the value ranges; in Sangat Baik and Memuaskan the SDI item is joined '
          'by "dan/atau" to Dasbor Presiden items. How an SDI value becomes the indicator value is not stated.'),
    "6": ("SJIG", "scored_from", "BIG (Badan Informasi Geospasial)",
          'Evaluasi Simpul Jaringan Informasi Geospasial: "Indikator penilaian diselaraskan dengan Evaluasi '
          'Simpul Jaringan Informasi Geospasial (SJIG)". Same cut-offs as the value ranges, but the first range '
          'is open below ("1 < SJIG", not underlined), so SJIG = 1 falls in no range. How an SJIG value becomes '
          'the indicator value is not stated.'),
    "7": ("IPS", "scored_from", "BPS (Badan Pusat Statistik)",
          '"IPS" is not expanded; the description says "Indikator penilaian diselaraskan dengan Evaluasi '
          'Penyelenggaraan Statistik Sektoral (EPSS)". The ranges are lower-inclusive (a literal "<=") with the '
          'SPBE cut-offs 1,8/2,6/3,5/4,2, not the value-range cut-offs; IPS = 4,20 and IPS = 5,00 fall in no '
          'range and "IPS < 1,8" has no lower bound. How an IPS value becomes the indicator value is not stated.'),
    "10": ("IKASANDI", "cites", "BSSN (Badan Siber dan Sandi Negara)",
           'The description names "Instrumen Pengukuran Kematangan Keamanan Siber dan Sandi (IKASANDI)" '
           "as the basis of the technical security controls; no IKASANDI ranges are printed."),
    "11": ("IKASANDI", "cites", "BSSN (Badan Siber dan Sandi Negara)",
           'Memuaskan item 1: "berdasarkan IKASANDI pada Area Kematangan Persandian"; no IKASANDI ranges are printed.'),
    "12": ("IKASANDI", "cites", "BSSN (Badan Siber dan Sandi Negara)",
           'The description: "berdasarkan IKASANDI pada Area Penanganan Insiden Siber"; no IKASANDI ranges are printed.'),
}

BSSN_MISPRINT = ('Instansi Pembina printed "Badan Sandi dan Siber Negara" (also indicators 9-12); indicators 1, 2 '
                 'and 17 print the agency\'s name "Badan Siber dan Sandi Negara". Kept as printed.')
ANOMALIES_IND_2026 = {
    "5": ['The SDI ranges start at 0 while indicator values start at 1, and in Sangat Baik and Memuaskan the SDI '
          'item is joined by "dan/atau" to Dasbor Presiden items, so the SDI condition is optional there. Kept as printed.'],
    "6": ['The first SJIG range is printed "1 < SJIG ≤ 1,50" (the first "<" is not underlined, unlike Tabel 4 '
          'row 1): SJIG = 1 falls in no range.',
          'Several visible double spaces in the criteria (e.g. "pemanfaatan  masih", "data dan  pada") where a '
          'word, probably "IG", seems to have been deleted; stored with single spaces.'],
    "7": ['The IPS ranges are lower-inclusive ("<=") with the SPBE cut-offs 1,8/2,6/3,5/4,2: IPS = 4,20 and '
          'IPS = 5,00 fall in no range ("3,50 <= IPS < 4,20", "4,20 < IPS < 5,00") and "IPS < 1,8" has no lower bound.',
          'Kurang item 1 reads "dilakukan oleh seluruh unit kerja" in the lowest range, while Cukup item 1 '
          'reads "oleh sebagian/seluruh unit kerja". Kept as printed.'],
    "8": ['Baik item 1 reads "termasuk dalam dengan Rencana Aksi Pemdi" (garbled). Kept as printed.'],
    "9": [BSSN_MISPRINT,
          'Sangat Baik reads "sesuai dengan telah dilaksanakan": the object of "sesuai dengan" is missing. Kept as printed.',
          'Baik item 1 repeats the Cukup criterion word for word ("dalam penyelenggaraan sebagian Layanan '
          'Pemerintah"). Kept as printed.'],
    "10": [BSSN_MISPRINT], "11": [BSSN_MISPRINT], "12": [BSSN_MISPRINT],
    "13": ['Bobot printed "4%" in the indicator table (hlm. -26- and the repeated header on hlm. -27-), '
           'while Tabel 1 prints 5 %. 5 is used: only 5 makes aspect 5 sum to its 10 % (with 4 it would be 9 %).'],
    "16": ['The description ends "layanan kepada Presiden melalui Presiden" ("melalui Dasbor Presiden" is '
           'evidently meant; the criteria say "Dasbor Presiden"). Kept as printed.'],
    "17": ['Memuaskan item 2 speaks of "Pelaksanaan Integrasi Aplikasi": it is the same sentence as indicator 16 '
           'Memuaskan item 2, evidently copied. Kept as printed.'],
}

ANOMALIES_2026 = [
    'Tabel 4 (hlm. -38-) prints the bounds "1" and "1,5" (rows 1 and 2) where the range column of every indicator '
    'table prints "1,00" and "1,50"; the numbers are the same.',
    'Inclusivity is carried only by underlining: in Tabel 4 (hlm. -38-) and in the range column of the indicator '
    'tables (hlm. -11- to -36-) "≤" is typed as an underlined "<", so extracted text shows a plain "<". Read from '
    'the underlines (6 of 6 in Tabel 4, 80 of 80 in the indicator tables), the bands are upper-inclusive, the '
    'first closed at both ends (band_bounds: upper_inclusive).',
    'Aspect 5 is "Teknologi Pemdi" in Tabel 1 (hlm. -10-/-11-) and Tabel 3 (hlm. -38-) but "Teknologi Digital" '
    'in section heading e) (hlm. -26-); Tabel 1 is used, the other name is an alias. Aspect 1 appears as '
    '"Tata Kelola dan Manajemen Pemdi" in the Tabel 2 example text (hlm. -37-).',
    'Pasal 5 ayat (3) lists 11 functions for the pelaksana of the Tim Asesor Internal (incl. hukum, penganggaran, '
    'akuntabilitas kinerja and keuangan, which no indicator names), while the indicator tables name other '
    'functions (Statistik, Persandian, Kearsipan Nasional, SDM); each indicator keeps its own table\'s list (peran_fungsi).',
    'Pasal 5 ayat (7) sends the Penilaian Mandiri results "kepada Menteri"; Lampiran BAB III has the koordinator '
    'Pemdi send them "kepada Deputi".',
    'Menimbang huruf c cites PermenPANRB 59/2020 as "tentang Pemantauan Evaluasi Sistem Pemerintah Berbasis '
    'Elektronik"; Pasal 12 has the correct title.',
    'Pasal 2 ayat (1) huruf b prints "Evalusi".',
    'Lampiran BAB II.B (hlm. -36- to -38-) numbers "1. Penghitungan Nilai Indeks Pemdi" with sub-items '
    '"1. Nilai indeks aspek" and "2. Nilai indeks Pemdi", then "2. Predikat Indeks Pemdi".',
    'Lampiran BAB III numbers its figures "Gambar 1" and "Gambar 3" (no Gambar 2).',
    'There is no commencement ("mulai berlaku") article: the Permen ends at Pasal 12 (hlm. -7-), so under '
    'UU 12/2011 Pasal 87 it binds from promulgation, 5 Juni 2026 (derived).',
]


def quoted(text):
    return re.findall(r'"([^"]+)"', text)


def rubric_2026():
    p = parse_2026()
    md_ws = ws(p["md"])
    out_aspects = []
    for a in p["aspects"]:
        inds = []
        for t in a["indicators"]:
            k = t["id"]
            x = p["inds"][k]
            assert x["name"] == t["name"] and x["aspect"] == a["id"] and x["aspect_name"] == a["name"], k
            assert x["weight_note"] == t["weight"], k
            aliases = []
            for alt in (x["heading"], x["kuesioner"]):
                if alt != t["name"] and alt not in aliases:
                    aliases.append(alt)
            ind = {"id": k, "name": t["name"]}
            if aliases:
                ind["aliases"] = aliases
            ind.update({
                "name_en": x["gloss"],
                "weight": t["weight"],
                "scale": "rentang",
                "source": x["source"],
                "description": x["description"],
                "instansi_pembina": x["instansi_pembina"],
                "peran_fungsi": x["peran_fungsi"],
                "criteria": x["criteria"],
            })
            if k in EXTERNAL_2026:
                ind["external"] = external_2026(k, p)
            anomalies = list(ANOMALIES_IND_2026.get(k, []))
            if k == "15":
                anomalies.append(
                    f'Three names: Tabel 1 "{t["name"]}", heading "{x["heading"]}", Kuesioner cell '
                    f'"{x["kuesioner"]}"; the Tabel 1 name is used, the others are aliases.')
            if anomalies:
                ind["anomalies"] = anomalies
            inds.append(ind)
        asp = {"id": a["id"], "name": a["name"], "name_en": a["name_en"], "weight": a["weight"]}
        if a["id"] in p["aspect_aliases"]:
            asp["aliases"] = p["aspect_aliases"][a["id"]]
        asp["indicators"] = inds
        out_aspects.append(asp)

    levels = [{"level": n, "name": lv["name"], "name_en": BAND_EN[n - 1], "label": lv["label"],
               "label_en": lv["label_en"], "min": rg["min"], "max": rg["max"], "criteria": lv["criteria"]}
              for n, (lv, rg) in enumerate(zip(p["levels"], p["ranges"]), 1)]
    preds = [{"name": pr["name"], "name_en": BAND_EN[n], "min": pr["min"], "max": pr["max"],
              "label": pr["label"], "label_en": pr["label_en"]} for n, pr in enumerate(p["preds"])]
    repo, commit, path = p["s1_repo"]
    r = {
        "id": "permenpanrb-8-2026",
        "short_title": "PermenPANRB 8/2026",
        "title": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital",
        "title_en": "Regulation of the Minister of Administrative and Bureaucratic Reform No. 8 of 2026 on the Performance Evaluation of Digital Government",
        "legal_basis": "Peraturan Menteri PANRB Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital, ditetapkan di Jakarta pada tanggal 1 Juni 2026 oleh Menteri PANRB (Rini Widyantini). Mengingat: Pasal 17 ayat (3) UUD 1945; UU 39/2008 sebagaimana telah diubah dengan UU 61/2024; UU 59/2024 (RPJPN 2025-2045); Perpres 39/2019 (Satu Data Indonesia); Perpres 178/2024 (Kementerian PANRB); Perpres 12/2025 (RPJMN 2025-2029); PermenPANRB 1/2025. Pasal 12 mencabut PermenPANRB 59/2020. Perpres 95/2018 (SPBE) tidak disebut dalam Mengingat.",
        "publication": "Berita Negara Republik Indonesia Tahun 2026 Nomor 364 (diundangkan di Jakarta 5 Juni 2026)",
        "in_force": {"from": 2026, "to": None},
        "status": "official",
        "status_note": "Read in the official text (source S1). As printed: the 7 aspects and 20 indicators with their weights (Tabel 1), the formulas (BAB II.B), the predicate bands (Tabel 4; upper-inclusive, the printed '<' being underlined, i.e. '≤'), the level descriptions (BAB II.C) and, per indicator, the description, Instansi Pembina, Peran Fungsi, the criteria of the five value ranges and the external index ranges (Indonesian text verbatim, whitespace normalised, typos kept). An indicator value is a number in [1, 5]; there are no integer levels and no question sentences. Anomaly: indicator 13's own table prints Bobot 4% where Tabel 1 prints 5%; 5% is used because only it makes aspect 5 sum to its 10%. The Permen leaves open: rounding and decimals, whether the predicate is read from the rounded or the unrounded value (see predicate_rule), how a value inside a range is chosen, how the external indices (SDI, SJIG, IPS, IKASANDI) become indicator values or what happens when one is missing, and which stage's value is final. This data records these open points and decides none of them, except for a default predicate basis (predicate_rule).",
        "index_name": "Indeks Pemerintah Digital",
        "index_name_en": "Digital Government Index",
        "sources": [
            f"S1: PermenPANRB 8/2026, SALINAN ('Salinan Sesuai Dengan Aslinya', Kementerian PANRB; watermark jdih.menpan.go.id), 46 pages, Berita Negara RI 2026 No. 364: Batang Tubuh (hlm. -1- to -7-) and Lampiran 'Pedoman Evaluasi Kinerja Pemerintah Digital' (Tabel 1-4, BAB II.B-C, indicator tables hlm. -11- to -36-). PDF sha256 {p['sha256']}; copy obtained from the public repository {repo} at commit {commit}, path {path}. 'hlm. -N-' is the printed page number.",
        ],
        "scales": [{
            "id": "rentang",
            "name": "Rentang Nilai / Tingkat Kematangan Pemdi",
            "name_en": "Value range / Pemdi maturity level",
            "continuous": True,
            "levels": levels,
        }],
        "predicates": preds,
        "band_bounds": "upper_inclusive",
        "predicate_rule": {
            "default": "exact",
            "default_note": "The Permen states no rounding rule and no rule for classifying a rounded or an unrounded value (reference notes §5.5, §11 #7). The default follows KemenPANRB's latest SPBE practice (the 2024 national report classifies the unrounded index) and the reference notes' suggestion to classify the exact value. Secondary: the Kab. Minahasa Selatan bimtek deck writes the ranges as 1,00-1,50 / 1,51-2,50 / 2,51-3,50 / 3,51-4,00 / 4,01-5,00, i.e. upper-inclusive read at 2 decimals.",
        },
        "criteria_rule": {
            "cumulative": True,
            "basis": "assumed",
            "note": "8/2026 never says whether a range's criteria include the lower ranges' (reference notes §7: some higher ranges restate lower ones, most do not). Read as cumulative, as 59/2020 stated: the cautious reading, which flags more claims for review.",
        },
        "anomalies": ANOMALIES_2026,
        "aspects": out_aspects,
    }
    check_2026(r, p, md_ws)
    return r


def external_2026(k, p):
    ix, relation, agency, note = EXTERNAL_2026[k]
    # written in the form the core serialises an edition's spec (the calculator hands the
    # file on as the spec; spbe-core's builtin_files_are_their_specs_json holds them equal):
    # no empty list of ranges, and min_inclusive always written
    e = {"index": ix, "relation": relation, "agency": agency, "note": note}
    crit = p["inds"][k]["criteria"]
    if relation == "cites":
        assert ix in p["inds"][k]["description"] + " ".join(crit), k
        assert not any(RANGE_RE.search(c) for c in crit), k
        return e
    e["ranges"] = []
    e8 = p["ext8"][k]
    assert e8["index"] == ix, k
    for lv in range(1, 6):
        items = crit[lv - 1].split("\n")
        hits = [(n, RANGE_RE.search(it)) for n, it in enumerate(items, 1) if RANGE_RE.search(it)]
        assert len(hits) == 1, (k, lv, hits)
        n, m = hits[0]
        printed8, item8 = e8["ranges"][lv]
        assert n == item8 and items[n - 1] == f"{n}. {printed8}", (k, lv, items[n - 1], printed8)
        assert m.group("ix") == ix, (k, lv)
        rg = {"level": lv, "printed": m.group(0)}
        if m.group("lo"):
            rg["min"] = dec(m.group("lo"))
            rg["min_inclusive"] = m.group("lop") in ("≤", "<=")
        else:
            rg["min_inclusive"] = False  # no lower bound ("IPS < 1,8")
        rg["max"] = dec(m.group("hi"))
        rg["max_inclusive"] = m.group("hop") in ("≤", "<=")
        e["ranges"].append(rg)
    return e


def check_2026(r, p, md_ws):
    """Self-check of the 8/2026 edition; prints what it verified."""
    F = Fraction
    aspects = r["aspects"]
    inds = [i for a in aspects for i in a["indicators"]]
    assert len(aspects) == 7 and len(inds) == 20
    assert [len(a["indicators"]) for a in aspects] == [2, 2, 4, 4, 2, 4, 2]
    assert [i["id"] for i in inds] == [str(n) for n in range(1, 21)]
    for a in aspects:
        assert sum(F(i["weight"]) for i in a["indicators"]) == F(a["weight"]), a["id"]
    assert sum(F(a["weight"]) for a in aspects) == 100 and sum(F(i["weight"]) for i in inds) == 100
    # Bobot cells of the indicator tables repeat Tabel 1, except indicator 13 (4 %)
    cells = {k: x["bobot_cell"] for k, x in p["inds"].items()}
    assert {k for k, i in zip(cells, inds) if cells[k] != i["weight"]} == {"13"} and cells["13"] == "4"
    for i in inds:
        k = i["id"]
        assert len(i["criteria"]) == 5 and all(c.strip() for c in i["criteria"]), k
        assert i["description"].strip() and i["instansi_pembina"] and i["peran_fungsi"], k
        assert "question" not in i
        strings = [i["name"], i["name_en"], i["description"], *i.get("aliases", []),
                   *i["instansi_pembina"], *i["peran_fungsi"], *i["criteria"]]
        for s in strings:
            no_markup(s.replace("\n", " "), k)
            assert s == s.strip() and "  " not in s, (k, s)
        for c in i["criteria"]:  # numbered items: "1. …\n2. …" or one unnumbered item
            items = c.split("\n")
            if len(items) > 1 or re.match(r"\d+\. ", items[0]):
                assert all(it.startswith(f"{n}. ") for n, it in enumerate(items, 1)), (k, c)
        # §9.2 typed matrix and Instansi Pembina
        assert sorted(PERAN_ABBR[f] for f in i["peran_fungsi"]) == sorted(PERAN_2026[k].split()), k
        abbr = [next(ab for full, ab in PEMBINA_ABBR if s.startswith(full)) for s in i["instansi_pembina"]]
        assert abbr == PEMBINA_2026[k].split(), (k, abbr)
        assert len(i["instansi_pembina"]) == len(PEMBINA_2026[k].split()), k
        # quoted Indonesian fragments of our notes occur in the indicator's text (or in the notes)
        own = ws(" ".join([i["description"], *i["criteria"], *i["instansi_pembina"], *i.get("aliases", []), i["name"]]))
        for note in [*i.get("anomalies", []), i.get("external", {}).get("note", "")]:
            for q in quoted(note):
                assert ws(q) in own or ws(q) in md_ws, (k, q)
    printed_bssn = {i["id"] for i in inds if "Badan Sandi dan Siber Negara" in i["instansi_pembina"]}
    assert printed_bssn == {"9", "10", "11", "12"}, printed_bssn
    # SDM is printed three ways (§9.2)
    sdm = {i["id"]: f for i in inds for f in i["peran_fungsi"] if PERAN_ABBR[f] == "SDM"}
    assert sdm == {"1": "Fungsi Sumber Daya Manusia (SDM)", "2": "Fungsi SDM", "3": "Fungsi Sumber Daya Manusia",
                   "12": "Fungsi SDM"}, sdm
    assert len(inds[14]["aliases"]) == 2 and all(len(i.get("aliases", [])) <= 1 for i in inds if i["id"] != "15")
    by = {i["id"]: i for i in inds}
    assert by["17"]["criteria"][4].split("\n")[1] == by["16"]["criteria"][4].split("\n")[1]
    assert {i["id"] for i in inds if "external" in i} == {"5", "6", "7", "10", "11", "12"}
    assert all(len(by[k]["external"]["ranges"]) == 5 for k in ("5", "6", "7"))
    # IKASANDI is named in indicators 10-12 only; external ranges only in 5-7
    assert {i["id"] for i in inds if "IKASANDI" in i["description"] + " ".join(i["criteria"])} == {"10", "11", "12"}
    assert {i["id"] for i in inds if any(RANGE_RE.search(c) for c in i["criteria"])} == {"5", "6", "7"}
    for note in r["anomalies"]:
        for q in quoted(note):
            assert ws(q) in md_ws, q
    # scale, predicates
    sc = r["scales"][0]
    assert sc["continuous"] and [lv["level"] for lv in sc["levels"]] == [1, 2, 3, 4, 5]
    assert [(lv["min"], lv["max"]) for lv in sc["levels"]] == [
        ("1.00", "1.50"), ("1.50", "2.50"), ("2.50", "3.50"), ("3.50", "4.00"), ("4.00", "5.00")]
    assert [(b["min"], b["max"]) for b in r["predicates"]] == [
        ("1", "1.50"), ("1.50", "2.50"), ("2.50", "3.50"), ("3.50", "4.00"), ("4.00", "5.00")]
    assert [b["label"] for b in r["predicates"]] == ["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"]
    assert [b["label_en"] for b in r["predicates"]] == ["Initiate", "Emerging", "Developing", "Embedded", "Leading"]
    for lv in sc["levels"]:
        no_markup(lv["criteria"], lv["name"])
    # the official worked examples (Tabel 2: 2,5; Tabel 3: 2,8), exact
    w = {i["id"]: F(i["weight"]) for i in inds}
    assert (w["1"] * 2 + w["2"] * 3) / F(aspects[0]["weight"]) == F(5, 2)
    t3 = [F("2.60"), F("3.50"), F("1.20"), F("3.50"), F("2.50"), F("2.40"), F("3.50")]
    assert sum(F(a["weight"]) / 100 * v for a, v in zip(aspects, t3)) == F(14, 5)
    print("8/2026 self-check ok: 7 aspects, 20 indicators, aspect sizes 2,2,4,4,2,4,2; weights sum per aspect "
          "and to 100; 100 criteria (5 each); descriptions, Instansi Pembina and Peran Fungsi present and equal "
          "to the typed §9.2 tables; external ranges of I5-I7 agree with §8; no markdown left; "
          "Tabel 2 = 2.5 and Tabel 3 = 2.8 exactly")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for r in (rubric_2018(), rubric_2020(), rubric_2026()):
        (OUT / f"{r['id']}.json").write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
        print("wrote", r["id"])


if __name__ == "__main__":
    main()
