#!/usr/bin/env python3
"""One-off generator of spbe-core/rubrics/*.json from the reference notes.

Provenance tool, not part of the build or the tests: the JSON files it writes are
committed and reviewed by hand. It reads the reference notes (../shared/reference/
in the development checkout) for the 59/2020 official text (indicator names,
questions, 235 level criteria) so that nothing is retyped; everything else
(structure, weights, bands, English names we wrote) is spelled out below.

Usage: python3 tools/gen_rubrics.py ../shared/reference spbe-core/rubrics
"""
import json
import re
import sys
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
        "legal_basis": "Peraturan Menteri PANRB Nomor 5 Tahun 2018 (replaced by PermenPANRB 59/2020 from 1 January 2021)",
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
        "domains": domains,
    }


# ---------------------------------------------------------------- 8/2026
def rubric_2026():
    aspects = [
        ("1", "Tata Kelola dan Manajemen", "Governance and management", "10", [
            ("1", "Tata Kelola Pemerintah Digital", "Digital government governance", "5"),
            ("2", "Manajemen Layanan Digital Pemerintah", "Government digital service management", "5")]),
        ("2", "Penyelenggara", "Organisers", "10", [
            ("3", "Sumber Daya Manusia Pemerintah Digital", "Digital government human resources", "5"),
            ("4", "Kolaborasi Pemerintah Digital", "Digital government collaboration", "5")]),
        ("3", "Data", "Data", "15", [
            ("5", "Tata Kelola Data", "Data governance", "5"),
            ("6", "Penyelenggaraan Informasi Geospasial", "Geospatial information", "3"),
            ("7", "Pembangunan Statistik", "Statistics development", "3"),
            ("8", "Pelindungan Data Pribadi", "Personal data protection", "4")]),
        ("4", "Keamanan Pemerintah Digital", "Digital government security", "15", [
            ("9", "Audit Keamanan Pemerintah Digital dan Teknologi Pemerintah Digital", "Audit of digital government security and technology", "4"),
            ("10", "Keamanan Pemerintah Digital", "Digital government security", "4"),
            ("11", "Kriptografi untuk Keamanan Data", "Cryptography for data security", "3"),
            ("12", "Penanganan Insiden Siber", "Cyber incident handling", "4")]),
        ("5", "Teknologi Pemerintah Digital", "Digital government technology", "10", [
            ("13", "Aplikasi Pemerintah Digital", "Digital government applications", "5"),
            ("14", "Infrastruktur Pemerintah Digital", "Digital government infrastructure", "5")]),
        ("6", "Keterpaduan Layanan Digital Pemerintah", "Integration of government digital services", "15", [
            ("15", "Keterpaduan Proses Bisnis lintas unit/instansi", "Business process integration across units and institutions", "4"),
            ("16", "Integrasi Aplikasi", "Application integration", "4"),
            ("17", "Portal Layanan Digital Pemerintah", "Government digital service portal", "4"),
            ("18", "Interoperabilitas Data", "Data interoperability", "3")]),
        ("7", "Kepuasan Pengguna Layanan Digital Pemerintah", "User satisfaction with government digital services", "25", [
            ("19", "Fasilitas Dukungan Pengguna", "User support facilities", "10"),
            ("20", "Pengelolaan Kepuasan Pengguna", "User satisfaction management", "15")]),
    ]
    out = []
    for aid, name, en, w, inds in aspects:
        out.append({"id": aid, "name": name, "name_en": en, "weight": w, "indicators": [
            {"id": i, "name": n, "name_en": e, "weight": iw, "scale": "tingkat"} for i, n, e, iw in inds]})
    return {
        "id": "permenpanrb-8-2026",
        "short_title": "PermenPANRB 8/2026",
        "title": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital",
        "title_en": "Regulation of the Minister of Administrative and Bureaucratic Reform No. 8 of 2026 on the Performance Evaluation of Digital Government",
        "legal_basis": "PermenPANRB Nomor 8 Tahun 2026 (reportedly ditetapkan 1 June 2026, Berita Negara 2026 No. 364), which revokes PermenPANRB 59/2020",
        "publication": "Berita Negara Republik Indonesia Tahun 2026 Nomor 364 (as reported)",
        "in_force": {"from": 2026, "to": None},
        "status": "provisional",
        "status_note": "Provisional: built from secondary sources only (several independent public projects agree on the aspects, indicators, weights and predicate bands); the official text has not been read. Indicator names are abbreviated as reported ('Pemdi' spelled out). Level names are not known and are left out. Some indicators are reportedly scored from other agencies' evaluations (5: SDI, 6: SJIG, 7: EPSS, 18: interoperability questionnaire).",
        "index_name": "Indeks Pemerintah Digital",
        "index_name_en": "Digital Government Index",
        "sources": [
            "Secondary: public projects summarising PermenPANRB 8/2026 Lampiran Bagian B 'Metode Penghitungan Indeks Pemdi' and Tabel 4 (predicates)",
        ],
        "scales": [{"id": "tingkat", "name": "Tingkat kematangan", "name_en": "Maturity level",
                    "levels": [{"level": n} for n in range(1, 6)]}],
        "predicates": bands([
            ("Kurang", "Poor", "1", "1.5", "Merintis", "Initiate"),
            ("Cukup", "Fair", "1.5", "2.5", "Membangun", "Emerging"),
            ("Baik", "Good", "2.5", "3.5", "Berkembang", "Developing"),
            ("Sangat Baik", "Very good", "3.5", "4", "Melembaga", "Embedded"),
            ("Memuaskan", "Satisfactory", "4", "5", "Unggul", "Leading"),
        ], "1"),
        "aspects": out,
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for r in (rubric_2018(), rubric_2020(), rubric_2026()):
        (OUT / f"{r['id']}.json").write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
        print("wrote", r["id"])


if __name__ == "__main__":
    main()
