//! Scrubbing a channel's secrets out of what comes back from its receiver.
//!
//! Webhook services keep their token in the URL's path or query, and many
//! receivers echo the request in their error body (Express answers `Cannot
//! POST /hooks/SECRET`). Such text ends up in the outbox, in `hm check`,
//! `hm alerts` and the serve log, so everything a delivery returns passes
//! through a [`Scrubber`] first. It removes, in any letter case:
//!
//! - each secret value whole (replaced by its shown form, `https://host/…`);
//! - a URL's user info, path, query and fragment, the path with its query,
//!   and each path segment, query pair and query value of 4 characters or
//!   more (replaced by `…`);
//! - of each of these, the percent-decoded, percent-encoded (once more, or
//!   after decoding) and JSON-escaped (`\/`) forms;
//! - and a start of any of them left at the end of the text, where a body
//!   read only in part can cut a secret short.
//!
//! The result is one line with no control characters, at most
//! [`MAX_CHARS`] long.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// The longest scrubbed text kept, in characters.
pub(super) const MAX_CHARS: usize = 300;

/// Shorter pieces of a URL are not scrubbed on their own (they are words
/// like `v2` or `api`); they still go with the path they are part of.
const MIN_PIECE: usize = 4;

/// RFC 3986's unreserved characters stay; everything else is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// The same, keeping `/` (a path encoded as a whole).
const PATH: &AsciiSet = &COMPONENT.remove(b'/');

/// One thing to remove from a text.
#[derive(Debug)]
struct Needle {
    /// In ASCII lower case.
    text: String,
    /// What takes its place.
    with: String,
    /// How much of its start is public (a URL's `scheme://host/`): a text
    /// ending in no more than that is not cut.
    public: usize,
}

/// The needles to remove from a text, each with its replacement.
#[derive(Debug, Default)]
pub(super) struct Scrubber {
    /// Longest first, so a URL goes whole before any part of it.
    needles: Vec<Needle>,
}

impl Scrubber {
    /// Hide `value` (a token, a key) as `shown`.
    pub(super) fn value(&mut self, value: &str, shown: &str) {
        for form in forms(value) {
            self.push(form, shown, 0);
        }
    }

    /// Hide the URL `url` as `shown`, and every secret part of it as `…`.
    pub(super) fn url(&mut self, url: &str, shown: &str) {
        let decoded = percent_decode_str(url).decode_utf8_lossy().into_owned();
        for form in [url.to_string(), decoded] {
            let public = public_len(&form);
            self.push(form.to_ascii_lowercase(), shown, public);
        }
        // A piece that is also part of the host (`hooks` of
        // `hooks.example/hooks/…`) is left to the longer pieces holding it.
        let public = url[..public_len(url)].to_ascii_lowercase();
        for piece in url_pieces(url) {
            for form in forms(&piece) {
                if !public.contains(&form) {
                    self.push(form, "…", 0);
                }
            }
        }
    }

    fn push(&mut self, text: String, with: &str, public: usize) {
        if text.is_empty() || self.needles.iter().any(|n| n.text == text) {
            return;
        }
        self.needles.push(Needle { text, with: with.to_string(), public });
        self.needles.sort_by_key(|n| std::cmp::Reverse(n.text.len()));
    }

    /// `text` on one line, without control characters or any needle, cut
    /// to [`MAX_CHARS`].
    pub(super) fn scrub(&self, text: &str) -> String {
        let mut out: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        out = self.cut_partial_tail(out);
        out = self.replace_all(&out);
        if out.chars().count() > MAX_CHARS {
            out = out.chars().take(MAX_CHARS - 1).collect::<String>() + "…";
        }
        out
    }

    /// `text` with every needle replaced, in one pass: longer needles win
    /// where matches overlap, and a replacement is never searched again
    /// (a host in `https://host/…` is no needle's business). Matching
    /// ignores ASCII case; lower-casing ASCII keeps byte offsets, so they
    /// index `text`.
    fn replace_all(&self, text: &str) -> String {
        let lower = text.to_ascii_lowercase();
        let mut chosen: Vec<(usize, usize, &str)> = Vec::new();
        for n in &self.needles {
            for (at, _) in lower.match_indices(n.text.as_str()) {
                let end = at + n.text.len();
                if !chosen.iter().any(|&(s, e, _)| at < e && s < end) {
                    chosen.push((at, end, &n.with));
                }
            }
        }
        chosen.sort_by_key(|&(s, _, _)| s);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (start, end, with) in chosen {
            out.push_str(&text[last..start]);
            out.push_str(with);
            last = end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// Drop the end of `text` when it is the start of a needle (at least
    /// [`MIN_PIECE`] bytes of it, or all of a shorter needle but one byte,
    /// and more than its public start).
    fn cut_partial_tail(&self, mut text: String) -> String {
        let lower = text.to_ascii_lowercase();
        let mut cut = 0;
        for n in &self.needles {
            let least = MIN_PIECE.min(n.text.len().saturating_sub(1)).max(n.public + 1).max(1);
            for k in (least..n.text.len()).rev() {
                if n.text.is_char_boundary(k) && lower.ends_with(&n.text[..k]) {
                    cut = cut.max(k - n.public);
                    break;
                }
            }
        }
        if cut > 0 {
            text.truncate(text.len() - cut);
            text.push('…');
        }
        text
    }
}

/// The spellings of `s` a receiver might echo, in ASCII lower case.
fn forms(s: &str) -> Vec<String> {
    let decoded = percent_decode_str(s).decode_utf8_lossy().into_owned();
    let mut out = vec![
        s.to_string(),
        decoded.clone(),
        utf8_percent_encode(&decoded, COMPONENT).to_string(),
        utf8_percent_encode(&decoded, PATH).to_string(),
        utf8_percent_encode(s, COMPONENT).to_string(),
        utf8_percent_encode(s, PATH).to_string(),
        decoded.replace('/', "\\/"),
        decoded.replace(' ', "+"),
    ];
    for f in &mut out {
        f.make_ascii_lowercase();
    }
    out.sort();
    out.dedup();
    out
}

/// How much of a URL is public: `scheme://host[:port]/`, or only
/// `scheme://` when it has user info.
fn public_len(url: &str) -> usize {
    let Some((scheme, rest)) = url.split_once("://") else { return 0 };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if rest[..end].contains('@') {
        return scheme.len() + 3;
    }
    scheme.len() + 3 + end + usize::from(rest[end..].starts_with('/'))
}

/// The secret parts of a URL: user info and password, and everything after
/// the host: path with query, path, query, fragment, and the longer path
/// segments, query pairs and values. Not a URL: nothing (the value is
/// hidden whole).
fn url_pieces(url: &str) -> Vec<String> {
    let Some((_, rest)) = url.split_once("://") else { return Vec::new() };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let mut pieces = Vec::new();
    if let Some((user, _)) = authority.rsplit_once('@') {
        pieces.push(user.to_string());
        if let Some((_, password)) = user.split_once(':') {
            pieces.push(password.to_string());
        }
    }
    if tail.is_empty() || tail == "/" {
        return pieces;
    }
    pieces.push(tail.to_string());
    let (before_fragment, fragment) = tail.split_once('#').unwrap_or((tail, ""));
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    pieces.extend([path, query, fragment].iter().filter(|p| p.len() > 1).map(|p| p.to_string()));
    let parts = path
        .split('/')
        .chain(query.split('&'))
        .chain(query.split('&').filter_map(|kv| kv.split_once('=').map(|(_, v)| v)));
    pieces.extend(parts.filter(|p| p.len() >= MIN_PIECE).map(str::to_string));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hook() -> Scrubber {
        let mut s = Scrubber::default();
        s.url("https://hooks.example:8443/hooks/T0/PATHSECRET?key=QUERYSECRET", "https://hooks.example:8443/…");
        s.value("TOKEN/SECRET", "…");
        s
    }

    #[test]
    fn echoes_of_the_path_query_and_token_in_any_spelling_are_removed() {
        let s = hook();
        for echo in [
            "Cannot POST /hooks/T0/PATHSECRET",
            "no such hook pathsecret",
            "bad key=QUERYSECRET",
            "{\"path\":\"\\/hooks\\/T0\\/PATHSECRET\"}",
            "%2Fhooks%2FT0%2FPATHSECRET",
            "url=https%3A%2F%2Fhooks.example%3A8443%2Fhooks%2FT0%2FPATHSECRET",
            "Bearer TOKEN/SECRET, TOKEN%2FSECRET",
        ] {
            let out = s.scrub(echo);
            for secret in ["pathsecret", "querysecret", "token", "/hooks"] {
                assert!(!out.to_ascii_lowercase().contains(secret), "{echo} -> {out}");
            }
        }
        assert_eq!(
            s.scrub("POST https://hooks.example:8443/hooks/T0/PATHSECRET?key=QUERYSECRET: refused"),
            "POST https://hooks.example:8443/…: refused"
        );
    }

    #[test]
    fn a_secret_cut_short_at_the_end_and_control_characters_go_too() {
        let s = hook();
        assert_eq!(s.scrub("HTTP 404: Cannot POST /hooks/T0/PATHSEC"), "HTTP 404: Cannot POST …");
        assert_eq!(s.scrub("POST https://hooks.example:8443/hoo"), "POST https://hooks.example:8443…");
        // The public start of the URL is not cut.
        assert_eq!(s.scrub("cannot reach https://hooks.example:8443/"), "cannot reach https://hooks.example:8443/");
        assert_eq!(s.scrub("a\nb\r\x1b[31mc"), "a b  [31mc");
        assert_eq!(s.scrub(&"x".repeat(1000)).chars().count(), MAX_CHARS);
    }

    #[test]
    fn a_url_without_a_path_hides_only_its_password() {
        let mut s = Scrubber::default();
        s.url("redis://:PASSWORD@cache:6379", "redis://cache:6379/…");
        assert_eq!(s.scrub("cannot reach cache:6379 (PASSWORD rejected)"), "cannot reach cache:6379 (… rejected)");
    }
}
