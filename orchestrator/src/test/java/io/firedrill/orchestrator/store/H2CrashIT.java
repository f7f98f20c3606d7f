package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database after a kill -9: a separate JVM records runs through the real store, printing each one
 * once its commit returned, and is killed in the middle. Reopened, the database holds every run
 * acknowledged more than {@link #GRACE} before the kill: only the commits of the last moments may be lost.
 */
class H2CrashIT {
    /** Well above H2's write delay ({@link H2Settings#WRITE_DELAY_MILLIS}), for a busy CI machine. */
    private static final Duration GRACE = Duration.ofMillis(300);
    /** What the writer prints per run; its log goes to the same output. */
    private static final Pattern ACK = Pattern.compile("r-crash-\\d+ \\d+");

    @TempDir
    Path dir;

    @Test
    void aKilledProcessLosesOnlyItsLastMomentsOfCommits() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (ACK.matcher(line).matches()) {
                        String[] parts = line.split(" ");
                        acked.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            } catch (Exception gone) {
                // The writer was killed.
            }
        });
        reader.start();
        try {
            await("the writer has recorded runs for two seconds").atMost(Duration.ofSeconds(60))
                    .until(() -> !writer.isAlive() || spansTwoSeconds(acked));
            assertThat(writer.isAlive()).as("the writer is still writing").isTrue();
        } finally {
            writer.destroyForcibly();
        }
        long killedAt = Instant.now().toEpochMilli();
        writer.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);

        List<String> mustSurvive = acked.entrySet().stream()
                .filter(e -> e.getValue() < killedAt - GRACE.toMillis()).map(Map.Entry::getKey).toList();
        try (Database db = Database.open(DbConfig.h2(dir))) {
            List<String> kept = db.runs().list().stream().map(RunRecord::id).toList();
            assertThat(mustSurvive).as("runs acknowledged more than %s before the kill", GRACE).hasSizeGreaterThan(20);
            assertThat(kept).as("runs in the reopened database").containsAll(mustSurvive);
            assertThat(kept.size()).as("no more runs than were written").isLessThanOrEqualTo(
                    acked.size() + 1);
        }
    }

    private static boolean spansTwoSeconds(Map<String, Long> acked) {
        if (acked.size() < 2) {
            return false;
        }
        var stats = acked.values().stream().collect(Collectors.summarizingLong(Long::longValue));
        return stats.getMax() - stats.getMin() >= 2000;
    }

    /**
     * Records a run every 10 ms until killed, printing {@code <id> <epoch millis>} once each commit has returned:
     * an orchestrator's pace, slow enough that H2 writes on its timer rather than because its buffer filled.
     */
    public static final class Writer {
        public static void main(String[] args) throws InterruptedException {
            Database db = Database.open(DbConfig.h2(Path.of(args[0])));
            for (long i = 1; ; i++) {
                String id = "r-crash-" + i;
                db.runs().create(id, "crash", "name: crash\n", "PREFLIGHT", Instant.now(), "writer", "h2-crash-it");
                System.out.println(id + " " + Instant.now().toEpochMilli());
                System.out.flush();
                Thread.sleep(10);
            }
        }
    }
}
