//! The process-event connector's socket filter: a classic BPF program the
//! kernel runs on each event before it queues it to hm, so that only the
//! exits hm watches wake the listener. Without it every exit on the host
//! (a compiler's, a cron job's, each thread's) woke the listener thread,
//! and on a busy host that cost more than the checks themselves: the
//! listener must stay blocked while nothing watched dies.
//!
//! The program keeps an event when it is an exit (`PROC_EVENT_EXIT`) of a
//! thread group leader (pid = tgid) and either its pid is watched or its
//! parent is hm (a worker hm just started, before it is registered). It
//! is replaced whenever the watched pids change; past [`MAX_PIDS`] it
//! keeps every leader's exit, and the listener's hash lookup sorts them.
//! Filtering never hides an overrun: an `ENOBUFS` is counted on what the
//! filter kept.

use libc::sock_filter;

/// Pids listed in the program at most (two instructions each, under the
/// kernel's 4,096).
pub(crate) const MAX_PIDS: usize = 2000;

const LD_ABS_W: u16 = (libc::BPF_LD | libc::BPF_W | libc::BPF_ABS) as u16;
const JEQ_K: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16;
const JEQ_X: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_X) as u16;
const TAX: u16 = (libc::BPF_MISC | libc::BPF_TAX) as u16;
const RET_K: u16 = (libc::BPF_RET | libc::BPF_K) as u16;

/// Offsets in a datagram: the netlink header (16), the `cn_msg` (20),
/// then the `proc_event`: what, cpu, timestamp (8), and the exit's pid,
/// tgid, exit code, exit signal, parent pid, parent tgid.
const WHAT: u32 = 36;
const PID: u32 = 52;
const TGID: u32 = 56;
const PARENT_TGID: u32 = 72;

/// A word as the filter loads it: absolute loads read network byte order,
/// the connector writes host order.
fn word(v: u32) -> u32 {
    u32::from_be_bytes(v.to_ne_bytes())
}

fn op(code: u16, k: u32) -> sock_filter {
    sock_filter { code, jt: 0, jf: 0, k }
}

/// Skip the next instruction when A equals `k`.
fn skip_if(code: u16, k: u32) -> sock_filter {
    sock_filter { code, jt: 1, jf: 0, k }
}

/// The program: keep the exits of `pids` and of the children of `parent`.
/// The parent is read last: a kernel older than 4.17 has no parent in an
/// exit event, and a load past the end drops the event, so there only
/// hm's unwatched children go unheard.
pub(crate) fn program(exit: u32, pids: &[u32], parent: u32) -> Vec<sock_filter> {
    const KEEP: u32 = u32::MAX;
    const DROP: u32 = 0;
    let mut p = vec![
        op(LD_ABS_W, WHAT),
        skip_if(JEQ_K, word(exit)),
        op(RET_K, DROP),
        op(LD_ABS_W, TGID),
        op(TAX, 0),
        op(LD_ABS_W, PID),
        skip_if(JEQ_X, 0),
        op(RET_K, DROP), // a thread, not a process
    ];
    if pids.len() > MAX_PIDS {
        p.push(op(RET_K, KEEP));
        return p;
    }
    for pid in pids {
        p.push(sock_filter { code: JEQ_K, jt: 0, jf: 1, k: word(*pid) });
        p.push(op(RET_K, KEEP));
    }
    p.push(op(LD_ABS_W, PARENT_TGID));
    p.push(sock_filter { code: JEQ_K, jt: 0, jf: 1, k: word(parent) });
    p.push(op(RET_K, KEEP));
    p.push(op(RET_K, DROP));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classic BPF subset above, run as the kernel runs it.
    fn run(prog: &[sock_filter], pkt: &[u8]) -> u32 {
        let (mut a, mut x, mut pc) = (0u32, 0u32, 0usize);
        loop {
            let i = prog[pc];
            pc += 1;
            match i.code {
                LD_ABS_W => {
                    let at = i.k as usize;
                    let Some(b) = pkt.get(at..at + 4) else { return 0 };
                    a = u32::from_be_bytes(b.try_into().expect("4 bytes"));
                }
                TAX => x = a,
                JEQ_K | JEQ_X => {
                    let k = if i.code == JEQ_X { x } else { i.k };
                    pc += usize::from(if a == k { i.jt } else { i.jf });
                }
                RET_K => return i.k,
                c => panic!("unknown op {c}"),
            }
        }
    }

    fn event(what: u32, pid: u32, tgid: u32, parent: u32) -> Vec<u8> {
        let mut m = vec![0u8; 36];
        for d in [what, 0, 0, 0, pid, tgid, 9, 17, parent, parent] {
            m.extend_from_slice(&d.to_ne_bytes());
        }
        m
    }

    #[test]
    fn only_watched_leaders_and_hms_children_pass() {
        const EXIT: u32 = 0x8000_0000;
        let prog = program(EXIT, &[10, 12], 500);
        assert!(prog.len() <= 4096);
        assert_eq!(run(&prog, &event(EXIT, 10, 10, 1)), u32::MAX);
        assert_eq!(run(&prog, &event(EXIT, 12, 12, 1)), u32::MAX);
        assert_eq!(run(&prog, &event(EXIT, 11, 11, 1)), 0, "not watched");
        assert_eq!(run(&prog, &event(EXIT, 13, 10, 1)), 0, "a thread of a watched one");
        assert_eq!(run(&prog, &event(2, 10, 10, 1)), 0, "a fork");
        assert_eq!(run(&prog, &event(EXIT, 77, 77, 500)), u32::MAX, "hm's child");
        assert_eq!(run(&prog, &event(EXIT, 10, 10, 1)[..50]), 0, "short");
        // No parent in the event (before 4.17): the watched still pass.
        assert_eq!(run(&prog, &event(EXIT, 12, 12, 1)[..68]), u32::MAX, "watched, no parent");
        assert_eq!(run(&prog, &event(EXIT, 77, 77, 500)[..68]), 0, "a child, no parent");
        let many: Vec<u32> = (1..=MAX_PIDS as u32 + 1).collect();
        let prog = program(EXIT, &many, 500);
        assert!(prog.len() < 20);
        assert_eq!(run(&prog, &event(EXIT, 999_999, 999_999, 1)), u32::MAX, "too many: every leader");
        assert_eq!(run(&prog, &event(EXIT, 14, 10, 1)), 0);
        assert!(program(EXIT, &many[..MAX_PIDS], 500).len() <= 4096);
    }
}
