//! `GET /openapi.json`: the OpenAPI 3.1 document of every endpoint.
//!
//! The response schemas are derived from the report types the handlers
//! serialise (`schemars`, reading their serde attributes), so a field
//! added to a report is in the document the next build; the paths and the
//! statuses each can answer are written here beside the routes, and the
//! fuzz test (`tests/integration/openapi.rs`, schemathesis against a live
//! `hm serve`) fails on any answer the document does not describe.
//! `contrib/openapi.json` is this document, checked fresh by a test.
//! It needs no token: it says what hm's code says, nothing of the host.

use super::endpoints::{Endpoint, Hold, ROUTES};
use crate::engine::report::{
    HistoryReport, HoldReport, PingReport, PoolHoldReport, RestartReport, RollReport, StatusReport,
};
use crate::store::PingKind;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

/// The body of `/ready`.
#[derive(Debug, serde::Serialize, JsonSchema)]
pub(super) struct Ready {
    /// Whether no monitor is critical and the last check cycle worked.
    pub ready: bool,
    /// The worst latest status.
    pub status: crate::status::Status,
    /// Why not ready: the failed cycle, then each critical monitor.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// A path parameter: the monitor's (or the ping's) name as in hm.toml.
fn name() -> Value {
    json!({"name": "name", "in": "path", "required": true, "description": "The monitor's name, as in hm.toml.",
           "schema": {"type": "string", "minLength": 1}})
}

/// A query parameter holding a duration, in the grammar the handlers
/// read (`duration.rs`).
fn duration(key: &str, what: &str, zero: bool) -> Value {
    let pattern = if zero { super::duration::ANY } else { super::duration::NONZERO };
    json!({"name": key, "in": "query", "required": false,
           "description": format!("{what} Up to 4 digits, a fraction of up to 3, and s, m, h or d; a bare number is seconds."),
           "schema": {"type": "string", "pattern": pattern}})
}

/// A JSON body: the report `reference` with `schema` (the JSON's version,
/// added by `output::json` to every document) in front.
fn body(description: &str, reference: &Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"allOf": [
        reference, {"$ref": "#/components/schemas/Versioned"}]}}}})
}

fn text(description: &str, media: &str) -> Value {
    json!({"description": description, "content": {media: {"schema": {"type": "string"}}}})
}

/// An error: `{"schema": 1, "error": "..."}`.
fn error(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

/// The refusals any request can meet before it is routed (`request.rs`,
/// `server.rs`), added to every operation.
fn refusals(responses: &mut Map<String, Value>) {
    for (code, why) in [
        (
            "400",
            "Not an HTTP/1.x request, a bad Content-Length, a bad parameter, or a path whose %-escape is malformed or stands for / or NUL.",
        ),
        ("411", "A chunked body: no endpoint takes one."),
        ("413", "A body over 1 KiB."),
        ("414", "A request line over 8 KiB."),
        ("431", "Request headers over 8 KiB."),
        ("503", "Too many requests waiting, or the database cannot be read now."),
    ] {
        responses.entry(code).or_insert_with(|| error(why));
    }
}

/// One operation: its summary, parameters, answers, and whether it needs a token.
fn op(summary: &str, params: Vec<Value>, answers: Value, secured: bool) -> Value {
    let mut responses = answers.as_object().cloned().unwrap_or_default();
    if secured {
        let mut unauthorized = error("No bearer token, or not the configured one.");
        unauthorized["headers"] = json!({"WWW-Authenticate": {"required": true, "schema": {"const": "Bearer"}}});
        responses.insert("401".into(), unauthorized);
        responses.insert("403".into(), error("Off: no token is set in hm.toml (or its variable is unset)."));
        responses.entry("404").or_insert_with(|| error("No monitor by that name."));
    }
    refusals(&mut responses);
    let mut o = json!({"summary": summary, "parameters": params, "responses": responses});
    if secured {
        o["security"] = json!([{"bearer": []}]);
    }
    o
}

/// The schemas of the reports, each a reference into `components`.
struct Reports {
    status: Value,
    history: Value,
    ready: Value,
    ping: Value,
    restart: Value,
    hold: Value,
}

/// The operation of `endpoint`. The match is exhaustive: an endpoint
/// cannot be routed without being documented.
fn operation(endpoint: Endpoint, r: &Reports) -> Value {
    let acted = |report: &Value| {
        json!({"200": body("Done.", report),
        "409": {"description": "Another restart of it is in progress, the run lock was not had in time, \
            it is not a process monitor, or (a restart) it is stopped or paused: the report says which.",
            "content": {"application/json": {"schema": {"anyOf": [
                {"allOf": [report, {"$ref": "#/components/schemas/Versioned"}]}, {"$ref": "#/components/schemas/Error"}]}}}},
        "500": body("It was tried and failed: the report says how.", report)})
    };
    match endpoint {
        Endpoint::Health => op(
            "Whether the check loop works (answered without a worker).",
            vec![],
            json!({"200": text("`ok`", "text/plain"), "503": text("The last check cycle failed, and why.", "text/plain")}),
            false,
        ),
        Endpoint::Ready => op(
            "Ready: no monitor critical and the loop working.",
            vec![],
            json!({"200": body("Ready.", &r.ready), "503": {"description": "Not ready, and why; or the database cannot be read.",
                "content": {"application/json": {"schema": {"anyOf": [
                    {"allOf": [r.ready, {"$ref": "#/components/schemas/Versioned"}]}, {"$ref": "#/components/schemas/Error"}]}}}}}),
            false,
        ),
        Endpoint::Status => op(
            "`hm status --json`, without the tails of workers' logs.",
            vec![],
            json!({"200": body("The latest state of every monitor.", &r.status)}),
            false,
        ),
        Endpoint::Metrics => op(
            "`hm export`: the Prometheus text format.",
            vec![],
            json!({"200": text("Metrics.", "text/plain")}),
            false,
        ),
        Endpoint::Dashboard => op("The dashboard.", vec![], json!({"200": text("The page.", "text/html")}), false),
        Endpoint::OpenApi => op(
            "This document.",
            vec![],
            json!({"200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}}),
            false,
        ),
        Endpoint::History => {
            let points = json!({"name": "points", "in": "query", "required": false, "description": "At most this many points a series (default 300).",
                "schema": {"type": "integer", "minimum": 1, "maximum": 10000}});
            let metric = json!({"name": "metric", "in": "query", "required": false, "description": "Only this metric.", "schema": {"type": "string"}});
            op(
                "`hm history NAME --json`: a monitor's metrics over time.",
                vec![name(), duration("since", "The window, back from now (default 1d).", true), points, metric],
                json!({"200": body("The series.", &r.history), "404": error("No monitor by that name, or no values for that metric.")}),
                false,
            )
        }
        Endpoint::Ping(kind) => {
            let mut too_many = error("Past the burst, more than one ping of that name a second.");
            too_many["headers"] =
                json!({"Retry-After": {"required": true, "schema": {"type": "string", "pattern": "^[0-9]+$"}}});
            let mut params = vec![name()];
            if kind != PingKind::Start {
                params.push(duration("duration", "How long the run took.", true));
            }
            let what = match kind {
                PingKind::Ok => "ok",
                PingKind::Fail => "failed",
                PingKind::Start => "started",
            };
            let summary = format!("`hm ping`: the named heartbeat's run {what}. `[serve] ping_token` or `token`.");
            op(
                &summary,
                params,
                json!({
            "200": body("Recorded.", &r.ping), "404": error("No monitor reads that ping."),
            "429": too_many}),
                true,
            )
        }
        Endpoint::Restart => op(
            "`hm restart-worker NAME`; a pool's name: its rolling restart, one instance at a time, \
            stopped at the first that fails (500, `failed` naming it).",
            vec![name()],
            acted(&r.restart),
            true,
        ),
        Endpoint::Hold(verb) => {
            let mut params = vec![name()];
            if verb == Hold::Pause {
                params.push(duration("for", "How long (default: until resumed).", false));
            }
            let summary = format!(
                "`hm {}`; a pool's name: each of its instances.",
                match verb {
                    Hold::Stop => "stop-worker NAME",
                    Hold::Start => "start-worker NAME",
                    Hold::Pause => "monitor pause NAME",
                    Hold::Resume => "monitor resume NAME",
                }
            );
            op(&summary, params, acted(&r.hold), true)
        }
    }
}

/// A `HEAD`: its `GET`, every answer without a body.
fn head(mut get: Value) -> Value {
    if let Some(responses) = get["responses"].as_object_mut() {
        for response in responses.values_mut() {
            if let Some(response) = response.as_object_mut() {
                response.remove("content");
            }
        }
    }
    get
}

/// The document: every row of the route table, each method it answers.
pub(super) fn document() -> Value {
    let mut settings = SchemaSettings::draft2020_12().for_serialize();
    settings.definitions_path = "/components/schemas/".into();
    // Each report's schema goes into `components` once; each of these is a reference to it.
    let mut generator = settings.into_generator();
    let reports = Reports {
        status: generator.subschema_for::<StatusReport>().to_value(),
        history: generator.subschema_for::<HistoryReport>().to_value(),
        ready: generator.subschema_for::<Ready>().to_value(),
        ping: generator.subschema_for::<PingReport>().to_value(),
        // A pool's name answers with its rolling restart, or each instance's hold.
        restart: json!({"anyOf": [generator.subschema_for::<RestartReport>().to_value(),
            generator.subschema_for::<RollReport>().to_value()]}),
        hold: json!({"anyOf": [generator.subschema_for::<HoldReport>().to_value(),
            generator.subschema_for::<PoolHoldReport>().to_value()]}),
    };
    let mut paths = Map::new();
    for route in ROUTES {
        let get = operation(route.endpoint, &reports);
        let item = paths.entry(route.path).or_insert_with(|| json!({}));
        for method in route.method.documented() {
            item[*method] = if *method == "head" { head(get.clone()) } else { get.clone() };
        }
    }
    let mut schemas: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    schemas.insert(
        "Versioned".into(),
        json!({"type": "object", "required": ["schema"],
        "properties": {"schema": {"const": crate::output::json::SCHEMA, "description": "The version of hm's JSON."}}}),
    );
    schemas.insert(
        "Error".into(),
        json!({"type": "object", "required": ["schema", "error"], "additionalProperties": false,
        "properties": {"schema": {"const": crate::output::json::SCHEMA}, "error": {"type": "string"}}}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {"title": "hm serve", "version": env!("CARGO_PKG_VERSION"),
                 "description": "The HTTP API of `hm serve`. Reading needs no token; acting needs `[serve] token` as a bearer token (pings: `ping_token` too). A method a path does not list is 405, with `Allow`. Every JSON answer begins with `schema`, the version of hm's JSON."},
        "paths": paths,
        "components": {"schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "`[serve] token` (or `ping_token` for pings)."}}},
    })
}

#[cfg(test)]
mod tests {
    use super::super::endpoints::ROUTES;

    /// The document's paths and methods are the route table's, no more
    /// and no fewer: a path written into the document by hand, or a
    /// route whose methods it leaves out, fails here.
    #[test]
    fn the_document_lists_every_route_and_method_and_nothing_else() {
        let doc = super::document();
        let paths = doc["paths"].as_object().expect("paths");
        let mut listed: Vec<(String, String)> = paths
            .iter()
            .flat_map(|(p, item)| item.as_object().into_iter().flatten().map(|(m, _)| (p.clone(), m.clone())))
            .collect();
        let mut routed: Vec<(String, String)> = ROUTES
            .iter()
            .flat_map(|r| r.method.documented().iter().map(|m| (r.path.to_string(), m.to_string())))
            .collect();
        listed.sort();
        routed.sort();
        assert_eq!(listed, routed);
        for (path, item) in paths {
            for (method, o) in item.as_object().into_iter().flatten() {
                assert!(o["responses"]["200"].is_object(), "{method} {path} has no 200");
            }
        }
    }

    /// `contrib/openapi.json` is the document served; `HM_REGENERATE=1`
    /// rewrites it.
    #[test]
    fn contrib_openapi_json_is_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/contrib/openapi.json");
        let want = super::super::routes::openapi_text();
        if std::env::var_os("HM_REGENERATE").is_some() {
            std::fs::write(path, &want).expect("write contrib/openapi.json");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(have == want, "contrib/openapi.json is stale: run `HM_REGENERATE=1 cargo test --lib openapi`");
    }
}
