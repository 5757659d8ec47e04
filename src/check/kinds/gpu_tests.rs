// The fixtures follow the CSV that `nvidia-smi --query-gpu=... --format=csv,noheader,nounits`
// prints (one line per GPU, `[N/A]` for a field a GPU does not report). No GPU was lent to
// this project to record them on; replace them with recordings when one is.
use super::*;
use crate::check::Inputs;
use crate::config::Limits;
use crate::host::fake::FakeHost;

fn spec() -> GpuSpec {
    GpuSpec { memory: Limits::new(90.0, 95.0), temperature: Limits::new(85.0, 95.0), utilization: Limits::default() }
}

fn run(output: &str) -> CheckOutput {
    let host = FakeHost { output: output.to_string(), ..Default::default() };
    let data = Inputs::default();
    check(&data.ctx(&host, 0.0), &spec(), Duration::from_secs(5)).expect("check")
}

#[test]
fn recorded_outputs_parse() {
    for (file, text) in [
        ("one-gpu", include_str!("../../../tests/fixtures/nvidia-smi/one-gpu.csv")),
        ("two-gpus-na", include_str!("../../../tests/fixtures/nvidia-smi/two-gpus-na.csv")),
    ] {
        let gpus = parse(text);
        assert!(!gpus.is_empty(), "{file}");
        assert!(gpus.iter().all(|g| g.name.contains("NVIDIA") || g.name.contains("Tesla")), "{file}: {gpus:?}");
    }
    let two = parse(include_str!("../../../tests/fixtures/nvidia-smi/two-gpus-na.csv"));
    assert_eq!(two.len(), 2);
    assert_eq!(two[1].utilization, None, "[N/A] is no value, not an error");
    assert_eq!(parse("garbage\n\n1, 2\n"), vec![]);
}

#[test]
fn levels_apply_per_gpu() {
    let out = run("0, NVIDIA A100, 12, 39000, 40000, 70\n1, NVIDIA A100, 99, 1000, 40000, 96\n");
    assert_eq!(out.status, Status::Critical, "{}", out.message);
    let names: Vec<&str> = out.metrics.iter().filter(|m| m.status() != Status::Ok).map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["memory:0", "temperature:1"]);
}

#[test]
fn no_gpu_is_ok_with_a_note() {
    let out = run("");
    assert_eq!((out.status, out.message.as_str()), (Status::Ok, "no GPU found by nvidia-smi"));
    assert!(absent("nvidia-smi not found"));
    assert!(absent("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."));
    assert!(!absent("`nvidia-smi` did not finish within 5s"));
}
