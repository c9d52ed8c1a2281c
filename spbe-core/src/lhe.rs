//! The LHE-style evaluation report (Laporan Hasil Evaluasi) as one
//! self-contained HTML document. (Being written.)
