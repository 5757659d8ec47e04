//! The one table of what `hm serve` answers: each path (a template with
//! at most one `{name}`), its method, and the handler. The router finds
//! a request's handler only through [`find`], and the OpenAPI document
//! (`openapi.rs`) is built by walking [`ROUTES`] with an exhaustive
//! `match` on [`Endpoint`]: a route added here without its document
//! entry does not compile, and no path can be served that the document
//! does not list.

use super::reply::Reply;
use crate::store::PingKind;

/// A route's method. A `GET` route answers `HEAD` too (without the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Get,
    Post,
}

impl Method {
    /// Whether `method`, as the request wrote it, is this one.
    fn fits(self, method: &str) -> bool {
        match self {
            Method::Get => method == "GET" || method == "HEAD",
            Method::Post => method == "POST",
        }
    }

    /// The 405 of a request to a path of this method by another.
    pub(super) fn refusal(self) -> Reply {
        let (message, allow) = match self {
            Method::Get => ("use GET", "GET, HEAD"),
            Method::Post => ("use POST", "POST"),
        };
        Reply::error(405, message).with("Allow", allow)
    }

    /// The methods the document lists, lowercase as OpenAPI writes them.
    pub(super) fn documented(self) -> &'static [&'static str] {
        match self {
            Method::Get => &["get", "head"],
            Method::Post => &["post"],
        }
    }
}

/// What `stop`, `start`, `pause` and `resume` over HTTP do to a monitor's worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hold {
    Stop,
    Start,
    Pause,
    Resume,
}

/// Which handler answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Endpoint {
    Dashboard,
    Health,
    Ready,
    Status,
    Metrics,
    OpenApi,
    History,
    Ping(PingKind),
    Restart,
    Hold(Hold),
}

/// One row of the table.
#[derive(Debug)]
pub(super) struct Route {
    pub path: &'static str,
    pub method: Method,
    pub endpoint: Endpoint,
}

const fn row(path: &'static str, method: Method, endpoint: Endpoint) -> Route {
    Route { path, method, endpoint }
}

/// Every route. A path fitting two templates (`/ping/a/fail` fits
/// `/ping/{name}` too) is the earlier one's.
pub(super) const ROUTES: &[Route] = &[
    row("/", Method::Get, Endpoint::Dashboard),
    row("/health", Method::Get, Endpoint::Health),
    row("/ready", Method::Get, Endpoint::Ready),
    row("/status", Method::Get, Endpoint::Status),
    row("/metrics", Method::Get, Endpoint::Metrics),
    row("/openapi.json", Method::Get, Endpoint::OpenApi),
    row("/history/{name}", Method::Get, Endpoint::History),
    row("/ping/{name}/fail", Method::Post, Endpoint::Ping(PingKind::Fail)),
    row("/ping/{name}/start", Method::Post, Endpoint::Ping(PingKind::Start)),
    row("/ping/{name}", Method::Post, Endpoint::Ping(PingKind::Ok)),
    row("/monitors/{name}/restart", Method::Post, Endpoint::Restart),
    row("/monitors/{name}/stop", Method::Post, Endpoint::Hold(Hold::Stop)),
    row("/monitors/{name}/start", Method::Post, Endpoint::Hold(Hold::Start)),
    row("/monitors/{name}/pause", Method::Post, Endpoint::Hold(Hold::Pause)),
    row("/monitors/{name}/resume", Method::Post, Endpoint::Hold(Hold::Resume)),
];

/// What the table says of a request.
#[derive(Debug, PartialEq)]
pub(super) enum Found<'a> {
    /// This endpoint, and the `{name}` of the path ("" when it has none).
    Route(Endpoint, &'a str),
    /// The path is served, by this other method: 405.
    Method(Method),
    /// No such path: 404.
    Nothing,
}

/// The `{name}` of `path` under `template`, or `None` when it does not fit.
fn fit<'a>(template: &str, path: &'a str) -> Option<&'a str> {
    match template.split_once("{name}") {
        None => (template == path).then_some(""),
        Some((prefix, suffix)) => path.strip_prefix(prefix)?.strip_suffix(suffix),
    }
}

/// The route of `method` and `path` (without its query).
pub(super) fn find<'a>(method: &str, path: &'a str) -> Found<'a> {
    let Some((route, name)) = ROUTES.iter().find_map(|r| Some((r, fit(r.path, path)?))) else {
        return Found::Nothing;
    };
    // Each path has one method; a second would be a second row of the same path.
    if route.method.fits(method) { Found::Route(route.endpoint, name) } else { Found::Method(route.method) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_finds_its_route_and_name() {
        assert_eq!(find("GET", "/status"), Found::Route(Endpoint::Status, ""));
        assert_eq!(find("HEAD", "/"), Found::Route(Endpoint::Dashboard, ""));
        assert_eq!(find("POST", "/status"), Found::Method(Method::Get));
        assert_eq!(find("GET", "/statusx"), Found::Nothing);
        assert_eq!(find("GET", "/nothing"), Found::Nothing);
        assert_eq!(find("POST", "/ping/backup"), Found::Route(Endpoint::Ping(PingKind::Ok), "backup"));
        assert_eq!(find("POST", "/ping/a/b/fail"), Found::Route(Endpoint::Ping(PingKind::Fail), "a/b"));
        assert_eq!(find("POST", "/ping/fail"), Found::Route(Endpoint::Ping(PingKind::Ok), "fail"));
        assert_eq!(find("POST", "/ping/x/start"), Found::Route(Endpoint::Ping(PingKind::Start), "x"));
        assert_eq!(find("GET", "/ping/x"), Found::Method(Method::Post));
        assert_eq!(find("POST", "/monitors/api/restart"), Found::Route(Endpoint::Restart, "api"));
        assert_eq!(find("POST", "/monitors/api/pause"), Found::Route(Endpoint::Hold(Hold::Pause), "api"));
        assert_eq!(find("GET", "/monitors/api/stop"), Found::Method(Method::Post));
        assert_eq!(find("POST", "/monitors/api/explode"), Found::Nothing);
        assert_eq!(find("GET", "/history/disk"), Found::Route(Endpoint::History, "disk"));
    }

    /// Each row is reached by a path of its own: no earlier row shadows it.
    #[test]
    fn every_route_is_reachable() {
        for route in ROUTES {
            let path = route.path.replace("{name}", "x");
            let method = if route.method == Method::Get { "GET" } else { "POST" };
            assert_eq!(find(method, &path), Found::Route(route.endpoint, fit(route.path, &path).unwrap_or("")));
            assert!(route.path.matches("{name}").count() <= 1, "{}", route.path);
        }
        let mut paths: Vec<_> = ROUTES.iter().map(|r| r.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), ROUTES.len(), "a path is in the table twice");
    }
}
