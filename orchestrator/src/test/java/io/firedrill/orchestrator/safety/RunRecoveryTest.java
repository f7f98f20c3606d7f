package io.firedrill.orchestrator.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunTransition;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs left unfinished by an orchestrator that died are ended, with why; the runs of live ones are left alone. */
class RunRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private Process liveProcess;
    private String host;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DbConfig.h2(dir), Clock.fixed(T0, ZoneOffset.UTC));
        liveProcess = new ProcessBuilder("sleep", "60").start();
        host = InetAddress.getLocalHost().getHostName();
    }

    @AfterEach
    void close() {
        liveProcess.destroy();
        db.close();
    }

    @Test
    void endsTheRunsOfDeadOrchestratorsAndKeepsTheirHistory() {
        String crashed = host + "/999999999/1";
        String stopped = "other-host/10/2";
        String silent = "other-host/11/3";
        String alive = host + "/" + liveProcess.pid() + "/4";
        db.instances().register(crashed, host, T0);
        db.instances().register(stopped, "other-host", T0);
        db.instances().stopped(stopped, T0.plusSeconds(1));
        db.instances().register(silent, "other-host", T0);
        db.instances().register(alive, host, T0);
        run("r-crashed", crashed, "OBSERVE");
        run("r-stopped", stopped, "INJECT");
        run("r-silent", silent, "STEADY_BEFORE");
        run("r-alive", alive, "OBSERVE");
        run("r-unknown", null, "PREFLIGHT");
        run("r-mine", "me", "OBSERVE");
        run("r-done", crashed, "DONE");
        db.instances().heartbeat(alive, T0.plusSeconds(30));

        RunRecovery recovery = new RunRecovery(null, db.instances(), db.runs(),
                Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC), "me");
        int ended = recovery.sweep();

        assertThat(ended).isEqualTo(4);
        assertThat(state("r-crashed")).isEqualTo("ABORTED");
        assertThat(cause("r-crashed")).startsWith("the orchestrator executing it (" + crashed + ") died (its process "
                + "is gone; last seen " + T0 + ") during OBSERVE; the agents reverted its faults");
        assertThat(cause("r-stopped")).contains("stopped at " + T0.plusSeconds(1) + " during INJECT");
        assertThat(cause("r-silent")).contains("fell silent (last seen " + T0 + ") during STEADY_BEFORE");
        assertThat(cause("r-unknown")).startsWith("the orchestrator executing it (not recorded) is gone during PREFLIGHT");
        assertThat(List.of(state("r-alive"), state("r-mine"), state("r-done"))).containsExactly("OBSERVE", "OBSERVE", "DONE");
        List<RunTransition> history = db.runs().transitions("r-crashed");
        assertThat(history).extracting(RunTransition::state).containsExactly("PREFLIGHT", "OBSERVE", "ABORTED");
        assertThat(recovery.sweep()).as("a second sweep finds nothing left").isZero();
    }

    private void run(String id, String owner, String state) {
        db.runs().create(id, "region-blackout", "name: region-blackout\n", "PREFLIGHT", T0, owner, "alice");
        if (!state.equals("PREFLIGHT")) {
            db.runs().transition(id, state, T0.plusSeconds(1), "moved on", null, null);
        }
    }

    private String state(String id) {
        return db.runs().find(id).map(RunRecord::state).orElseThrow();
    }

    private String cause(String id) {
        return db.runs().find(id).map(RunRecord::cause).orElseThrow();
    }
}
