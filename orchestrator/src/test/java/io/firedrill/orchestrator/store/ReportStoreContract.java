package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReportStore} shows, whatever the database. */
abstract class ReportStoreContract extends StoreContract {

    @Test
    void findingsAndActionsSurviveARestartInTheOrderTheyWereAdded() {
        ReportFinding first = db.reports().addFinding("r-1", "router slow to detect", "high", "3 s health interval",
                "alice");
        ReportFinding second = db.reports().addFinding("r-1", "no alert", "medium", null, "alice");
        db.reports().addFinding("r-2", "elsewhere", "low", "", "bob");
        RemediationAction action = db.reports().addAction("r-1", first.id(), "shorten the interval", "bob",
                LocalDate.parse("2026-12-31"), "open", "rerun region-blackout", "alice").orElseThrow();

        Database restarted = reopen();

        assertThat(restarted.reports().findings("r-1")).extracting(ReportFinding::id)
                .containsExactly(first.id(), second.id());
        assertThat(restarted.reports().findings("r-1").get(0)).isEqualTo(first);
        assertThat(first.createdAt()).isEqualTo(NOW_IN_MICROS);
        assertThat(second.description()).isEmpty();
        assertThat(restarted.reports().actions("r-1")).containsExactly(action);
        assertThat(action.due()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(action.retest()).isEqualTo("rerun region-blackout");
    }

    @Test
    void updatesChangeOnlyWhatTheyNameAndOnlyWithinTheirRun() {
        ReportFinding f = db.reports().addFinding("r-1", "t", "low", "d", "alice");
        RemediationAction a = db.reports().addAction("r-1", f.id(), "fix", "bob", LocalDate.parse("2026-01-02"),
                "open", null, "alice").orElseThrow();

        assertThat(db.reports().updateFinding("r-2", f.id(), "x", "low", "d")).isEmpty();
        assertThat(db.reports().updateFinding("r-1", f.id(), "t2", "critical", "d2").orElseThrow())
                .extracting(ReportFinding::title, ReportFinding::severity, ReportFinding::description)
                .containsExactly("t2", "critical", "d2");
        RemediationAction done = db.reports().updateAction("r-1", f.id(), a.id(), null, null, null, "done",
                "next game day").orElseThrow();

        assertThat(done).extracting(RemediationAction::title, RemediationAction::owner, RemediationAction::status,
                RemediationAction::retest).containsExactly("fix", "bob", "done", "next game day");
        assertThat(db.reports().updateAction("r-1", "f-other", a.id(), null, null, null, "done", null)).isEmpty();
        assertThat(db.reports().addAction("r-2", f.id(), "fix", "bob", LocalDate.now(), "open", null, "alice"))
                .isEmpty();
    }

    @Test
    void deletingAFindingDeletesItsActions() {
        ReportFinding f = db.reports().addFinding("r-1", "t", "low", "d", "alice");
        db.reports().addAction("r-1", f.id(), "fix", "bob", LocalDate.parse("2026-01-02"), "open", null, "alice");

        assertThat(db.reports().deleteFinding("r-2", f.id())).isFalse();
        assertThat(db.reports().deleteFinding("r-1", f.id())).isTrue();

        assertThat(db.reports().findings("r-1")).isEmpty();
        assertThat(db.reports().actions("r-1")).isEmpty();
        assertThat(db.reports().deleteFinding("r-1", f.id())).isFalse();
    }

    @Test
    void aReportIsSignedOffOnceAndKeepsItsFrozenText() {
        assertThat(db.reports().signOff("r-1")).isEmpty();
        ReportSignOff s = db.reports().signOff("r-1", "bob", NOW, "reviewed", "{\"runId\":\"r-1\"}", "ab12");

        assertThat(reopen().reports().signOff("r-1")).contains(s);
        assertThat(s).extracting(ReportSignOff::signedBy, ReportSignOff::signedAt, ReportSignOff::report)
                .containsExactly("bob", NOW_IN_MICROS, "{\"runId\":\"r-1\"}");
        assertThatThrownBy(() -> db.reports().signOff("r-1", "carol", NOW, null, "{}", "cd34"))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("the report of run r-1 is already signed off");
        assertThat(db.reports().signOff("r-1").orElseThrow().signedBy()).isEqualTo("bob");
    }
}
