//! An edited `hm.toml` keeps its byte-order mark and its line endings.
//! `toml_edit` reads both but writes neither: a file written on Windows
//! (`\r\n`, a BOM) would come back from `hm add` with its header's ends
//! changed and the new table in `\n`, and the BOM gone.

/// The UTF-8 byte-order mark.
const BOM: char = '\u{feff}';

/// How a file was written: with a BOM, and with `\r\n` line endings.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Endings {
    bom: bool,
    crlf: bool,
}

impl Endings {
    /// Read from the file's text; `\r\n` when most of its lines end so.
    pub(super) fn of(text: &str) -> Endings {
        let lines = text.matches('\n').count();
        let crlf = text.matches("\r\n").count();
        Endings { bom: text.starts_with(BOM), crlf: crlf > 0 && crlf * 2 >= lines }
    }

    /// `text` (the edit's output) written the same way.
    pub(super) fn apply(self, text: &str) -> String {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut out = String::with_capacity(text.len() + text.len() / 16 + 3);
        if self.bom {
            out.push(BOM);
        }
        if self.crlf {
            out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue26_the_bom_and_crlf_are_kept_and_lf_stays_lf() {
        let windows = "\u{feff}# hm\r\nhost_defaults = false\r\n";
        let e = Endings::of(windows);
        assert_eq!(
            e.apply("# hm\r\nhost_defaults = false\r\n\n[[monitor]]\nname = \"a\"\n"),
            format!("{windows}\r\n[[monitor]]\r\nname = \"a\"\r\n")
        );
        let unix = "# hm\nhost_defaults = false\n";
        assert_eq!(Endings::of(unix).apply("a\nb\n"), "a\nb\n");
        assert_eq!(Endings::of("").apply("a\n"), "a\n");
    }
}
