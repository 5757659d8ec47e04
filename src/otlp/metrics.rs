//! The metrics export: the families `/metrics` serves
//! (`output::prometheus::families`, the same names, help and labels), as
//! one OTLP `ExportMetricsServiceRequest`. A Prometheus gauge is an OTLP
//! gauge; a counter a monotonic, cumulative sum, counted from when this
//! hm started.

use super::resource;
use crate::output::prometheus::Family;
use opentelemetry_proto::tonic::collector::metrics::v1::ExportMetricsServiceRequest;
use opentelemetry_proto::tonic::common::v1::{AnyValue, KeyValue, any_value};
use opentelemetry_proto::tonic::metrics::v1::{
    AggregationTemporality, Gauge, Metric, NumberDataPoint, ResourceMetrics, ScopeMetrics, Sum, metric,
    number_data_point,
};

/// A string attribute.
pub(super) fn attr(key: &str, value: &str) -> KeyValue {
    KeyValue {
        key: key.to_string(),
        value: Some(AnyValue { value: Some(any_value::Value::StringValue(value.to_string())) }),
        ..Default::default()
    }
}

/// A number attribute.
pub(super) fn double(key: &str, value: f64) -> KeyValue {
    KeyValue {
        key: key.to_string(),
        value: Some(AnyValue { value: Some(any_value::Value::DoubleValue(value)) }),
        ..Default::default()
    }
}

/// The request for `families`, measured at `now_ns`; counters count
/// from `start_ns` (when this hm started).
pub(super) fn request(families: &[Family], start_ns: u64, now_ns: u64) -> ExportMetricsServiceRequest {
    let metrics = families.iter().map(|f| metric(f, start_ns, now_ns)).collect();
    ExportMetricsServiceRequest {
        resource_metrics: vec![ResourceMetrics {
            resource: Some(resource()),
            scope_metrics: vec![ScopeMetrics { scope: Some(super::scope()), metrics, ..Default::default() }],
            ..Default::default()
        }],
    }
}

fn metric(f: &Family, start_ns: u64, now_ns: u64) -> Metric {
    let data_points = f
        .samples
        .iter()
        .map(|(labels, v)| NumberDataPoint {
            attributes: labels.iter().map(|(k, v)| attr(k, v)).collect(),
            start_time_unix_nano: if f.counter { start_ns } else { 0 },
            time_unix_nano: now_ns,
            value: Some(number_data_point::Value::AsDouble(*v)),
            ..Default::default()
        })
        .collect();
    let data = if f.counter {
        metric::Data::Sum(Sum {
            data_points,
            aggregation_temporality: AggregationTemporality::Cumulative as i32,
            is_monotonic: true,
        })
    } else {
        metric::Data::Gauge(Gauge { data_points })
    };
    Metric { name: f.name.clone(), description: f.help.clone(), data: Some(data), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;

    #[test]
    fn a_gauge_stays_a_gauge_and_a_counter_becomes_a_cumulative_monotonic_sum() {
        let families = [
            Family {
                name: "hm_monitor_status".into(),
                help: "status".into(),
                counter: false,
                samples: vec![(vec![("monitor".into(), "api".into()), ("kind".into(), "process".into())], 2.0)],
            },
            Family {
                name: "hm_otlp_dropped_total".into(),
                help: "dropped".into(),
                counter: true,
                samples: vec![(vec![], 3.0)],
            },
        ];
        let bytes = request(&families, 5, 9).encode_to_vec();
        let back = ExportMetricsServiceRequest::decode(&bytes[..]).expect("decodes");
        let metrics = &back.resource_metrics[0].scope_metrics[0].metrics;
        let Some(metric::Data::Gauge(g)) = &metrics[0].data else { panic!("{metrics:?}") };
        assert_eq!(g.data_points[0].attributes, vec![attr("monitor", "api"), attr("kind", "process")]);
        assert_eq!(g.data_points[0].value, Some(number_data_point::Value::AsDouble(2.0)));
        let Some(metric::Data::Sum(s)) = &metrics[1].data else { panic!("{metrics:?}") };
        assert!(s.is_monotonic);
        assert_eq!(s.aggregation_temporality, AggregationTemporality::Cumulative as i32);
        assert_eq!((s.data_points[0].start_time_unix_nano, s.data_points[0].time_unix_nano), (5, 9));
    }
}
