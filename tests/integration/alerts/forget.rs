//! What the alerts keep of a monitor (`flap`, and the escalation tiers
//! `told` of its alert) goes when the monitor leaves the config: read
//! from the real SQLite file hm wrote.

use crate::common::Test;
use crate::common::beat;
use crate::common::receiver::Receiver;
use std::time::Duration;

fn rows(t: &Test, sql: &str) -> Vec<String> {
    let db = rusqlite::Connection::open(t.db_path()).expect("open the database");
    let mut stmt = db.prepare(sql).expect("prepare");
    let found = stmt.query_map([], |r| r.get::<_, String>(0)).expect("query");
    let mut out: Vec<String> = found.map(|r| r.expect("row")).collect();
    out.sort();
    out
}

#[test]
fn issue29_flap_and_told_rows_of_a_removed_monitor_are_deleted() {
    let pager = Receiver::start();
    let t = Test::new();
    let channel = format!(
        "[[channel]]\nname = \"pager\"\nkind = \"webhook\"\nurl = \"{}\"\nunacked_for = \"1s\"\n",
        pager.url("/p")
    );
    let both = format!(
        "host_defaults = false\n\n[alerts]\nfor = 1\n\n[[monitor]]\nname = \"hb\"\nkind = \"heartbeat\"\nfile = \"{}\"\n\
         warn = \"20s\"\ncrit = \"40s\"\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\n\
         pattern = \"^hm-test-forget-none-{{i}} \"\n\n[[monitor]]\nname = \"up\"\nkind = \"command\"\ncommand = [\"true\"]\n\n{channel}",
        t.path("beat").display()
    );
    let t = t.config(&both);
    beat(&t, 60);
    t.run(&["check"]).code(2);
    std::thread::sleep(Duration::from_millis(1200));
    // Past the tier's mark: told now.
    t.run(&["check"]).code(2);
    pager.wait_for(2, Duration::from_secs(10));
    assert_eq!(rows(&t, "SELECT monitor FROM flap"), ["api", "hb", "up"]);
    let told = "SELECT CAST(alert_id AS TEXT) FROM told";
    assert_eq!(rows(&t, told).len(), 2, "both alerts told to the pager");

    // `hb` and the pool leave the config: their alerts resolve, and what
    // was kept of them goes; `up`'s stays.
    let only_up = both.split("[[monitor]]\nname = \"up\"").nth(1).expect("up");
    let t = t.config(&format!("host_defaults = false\n\n[[monitor]]\nname = \"up\"{only_up}"));
    t.run(&["check"]).code(0);
    assert_eq!(rows(&t, "SELECT monitor FROM flap"), ["up"]);
    assert_eq!(rows(&t, told), Vec::<String>::new());
    assert_eq!(rows(&t, "SELECT monitor FROM alerts WHERE resolved_at IS NULL"), Vec::<String>::new());
}
