//! Every JSON document hm prints is written here, so each carries the
//! schema's version as its first field, and each JSON line of `hm run`
//! and `hm serve` its type.
//!
//! The reports are the schema, but a script reading `hm check --json` or
//! a `hm run --json` stream needs to know which schema it holds, and, in a
//! stream, which report a line is, without guessing from the fields. The
//! version is added around the report (a flattened wrapper), not to each
//! report struct: no report can forget it, and none carries it twice.
//! Prometheus and Nagios output are not JSON and are not touched.

use serde::Serialize;

/// The version of the JSON hm prints. It goes up when a field is renamed
/// or removed, or changes meaning; added fields do not change it.
pub(crate) const SCHEMA: u32 = 1;

/// A report with the schema's version (and, on a line of a stream, its
/// type) in front of its own fields.
#[derive(Serialize)]
struct Document<'a, T: ?Sized> {
    schema: u32,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(flatten)]
    body: &'a T,
}

/// `body` as one pretty JSON document (an HTTP answer's body).
pub(crate) fn text(body: &(impl Serialize + ?Sized)) -> String {
    let doc = Document { schema: SCHEMA, kind: None, body };
    serde_json::to_string_pretty(&doc)
        // Only a body that is not an object (none of hm's reports) cannot
        // take the field; it is printed as it is.
        .or_else(|_| serde_json::to_string_pretty(body))
        .unwrap_or_else(|e| error(&e))
}

/// `body` as one pretty JSON document on its own line: what `--json` prints.
pub(crate) fn document(body: &(impl Serialize + ?Sized)) -> Vec<u8> {
    let mut out = text(body).into_bytes();
    out.push(b'\n');
    out
}

/// `body` as one line of a JSON Lines stream, tagged with its `kind`
/// (`check`, `heal`, `failed`), without the newline.
pub(crate) fn line(kind: &'static str, body: &(impl Serialize + ?Sized)) -> String {
    let doc = Document { schema: SCHEMA, kind: Some(kind), body };
    serde_json::to_string(&doc).unwrap_or_else(|e| error(&e))
}

/// The document said instead of a report that could not be written.
fn error(e: &serde_json::Error) -> String {
    serde_json::json!({ "schema": SCHEMA, "error": e.to_string() }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Report {
        status: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<u32>,
        results: Vec<u32>,
    }

    #[test]
    fn the_schema_comes_first_and_the_report_follows_in_its_own_order() {
        let r = Report { status: "ok", note: None, results: vec![1] };
        assert_eq!(
            String::from_utf8(document(&r)).expect("utf-8"),
            "{\n  \"schema\": 1,\n  \"status\": \"ok\",\n  \"results\": [\n    1\n  ]\n}\n"
        );
        assert_eq!(line("check", &r), r#"{"schema":1,"type":"check","status":"ok","results":[1]}"#);
    }

    #[test]
    fn a_body_that_is_not_an_object_is_printed_as_it_is() {
        assert_eq!(text(&vec![1, 2]), "[\n  1,\n  2\n]");
        assert_eq!(text(&serde_json::json!({"error": "x"})), "{\n  \"schema\": 1,\n  \"error\": \"x\"\n}");
    }
}
