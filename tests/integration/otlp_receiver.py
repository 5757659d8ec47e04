"""An OTLP/HTTP collector for tests/integration/otlp.rs: it decodes every
POST to /v1/metrics and /v1/traces with the OpenTelemetry project's own
protobuf definitions (the opentelemetry-proto package from PyPI), not by
hand, and appends one JSON line per request to OUT: its path, its headers
and the decoded message (or why it could not be decoded).

Usage: python3 otlp_receiver.py PORT OUT
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from google.protobuf.json_format import MessageToDict
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

KINDS = {
    "/v1/metrics": (metrics_service_pb2.ExportMetricsServiceRequest, metrics_service_pb2.ExportMetricsServiceResponse),
    "/v1/traces": (trace_service_pb2.ExportTraceServiceRequest, trace_service_pb2.ExportTraceServiceResponse),
}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        line = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}
        status, answer = 200, b""
        kind = KINDS.get(self.path)
        if kind is None:
            status, line["error"] = 404, "no such path"
        else:
            request, response = kind
            try:
                message = request()
                message.ParseFromString(body)
                line["body"] = MessageToDict(message, preserving_proto_field_name=True)
                answer = response().SerializeToString()
            except Exception as e:  # what hm sent is not the message
                status, line["error"] = 400, repr(e)
        with LOCK, open(sys.argv[2], "a") as out:
            out.write(json.dumps(line) + "\n")
        self.send_response(status)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
