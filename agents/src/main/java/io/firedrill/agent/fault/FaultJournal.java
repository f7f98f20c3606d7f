package io.firedrill.agent.fault;

import io.firedrill.wire.Decoded;
import io.firedrill.wire.Envelope;
import io.firedrill.wire.FaultApply;
import io.firedrill.wire.WireCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults an agent holds, on disk, so that an agent that crashed reverts them when it starts again
 * (a command's revert script, toxics on an external Toxiproxy). One fault per line, rewritten whole and
 * moved into place on every change so a crash never leaves half a file.
 */
final class FaultJournal {
    private static final Logger log = LoggerFactory.getLogger(FaultJournal.class);
    private final Path file;
    private final WireCodec codec = new WireCodec();

    FaultJournal(Path stateDir) {
        this.file = stateDir.resolve("faults.jsonl");
    }

    Path file() {
        return file;
    }

    /** What the journal held; unreadable lines are logged and skipped, never fatal. */
    List<FaultApply> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<FaultApply> faults = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Decoded d = codec.decode(line);
                if (d instanceof Envelope e && e.message() instanceof FaultApply apply) {
                    faults.add(apply);
                } else if (!line.isBlank()) {
                    log.warn("skipping an unreadable line of {}: {}", file, line);
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the fault journal {}: {}", file, e.toString());
        }
        return faults;
    }

    void write(Collection<FaultApply> held) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            StringBuilder text = new StringBuilder();
            for (FaultApply f : held) {
                text.append(codec.encode(f.commandId(), f)).append('\n');
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault journal " + file, e);
        }
    }
}
