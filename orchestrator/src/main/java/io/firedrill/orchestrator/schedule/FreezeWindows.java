package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.FreezeWindowRecord;
import io.firedrill.orchestrator.store.FreezeWindowStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freeze windows: checked and stored here, and asked at every scheduled fire which of them cover the moment. The
 * windows are read from the database at each question, so a window created on one orchestrator blocks the game
 * days of all of them at once. Blocking (JDBC): call from a worker.
 */
public final class FreezeWindows {
    private static final Logger LOG = LoggerFactory.getLogger(FreezeWindows.class);
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String NO_REASON = "no reason given";

    private final FreezeWindowStore store;
    private final Clock clock;

    public FreezeWindows(FreezeWindowStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A window that covers a moment, with its rule. */
    public record Covering(FreezeWindowRecord window, FreezeRule rule) {
        /** Why a game day at that moment does not start: the window's name, rule and reason. */
        public String explain() {
            return "inside freeze window '" + window.name() + "' (" + rule.describe() + "): " + window.reason();
        }
    }

    /**
     * Checks and stores a window; an {@link InvalidRequestException} names what is wrong, a
     * {@link io.firedrill.orchestrator.store.DuplicateException} a taken name.
     */
    public FreezeWindowView create(FreezeWindowRequest r, String actor) {
        name("name", r.name());
        boolean dates = r.from() != null || r.to() != null;
        boolean weekly = r.weekly() != null;
        boolean holidays = r.holidays() != null;
        int kinds = (dates ? 1 : 0) + (weekly ? 1 : 0) + (holidays ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidRequestException("give exactly one of weekly, holidays, or from and to; got "
                    + (kinds == 0 ? "none" : String.join(" and ", given(dates, weekly, holidays))));
        }
        String reason = r.reason() == null || r.reason().isBlank() ? NO_REASON : r.reason().strip();
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason is " + reason.length() + " characters long; at most 2000");
        }
        FreezeWindowRecord w;
        if (dates) {
            ZoneId zone = Times.zone("timeZone", r.timeZone(), Times.UTC);
            Instant from = Times.instant("from", r.from(), zone, false);
            Instant to = Times.instant("to", r.to(), zone, true);
            if (!to.isAfter(from)) {
                throw new InvalidRequestException("to '" + r.to() + "' is not after from '" + r.from()
                        + "'; expected a window that ends after it starts");
            }
            w = record(r.name(), FreezeWindowRecord.Kind.DATES, zone, from, to, null, List.of(), reason, actor);
        } else if (weekly) {
            ZoneId zone = Times.zone("timeZone", r.timeZone(), null);
            WeeklyRange range = WeeklyRange.parse("weekly", r.weekly());
            w = record(r.name(), FreezeWindowRecord.Kind.WEEKLY, zone, null, null, range.text(), List.of(), reason,
                    actor);
        } else {
            ZoneId zone = Times.zone("timeZone", r.timeZone(), null);
            w = record(r.name(), FreezeWindowRecord.Kind.HOLIDAYS, zone, null, null, null, dates(r.holidays()),
                    reason, actor);
        }
        FreezeWindowRecord stored = store.create(w);
        LOG.info("freeze window {} created by {}: {}", stored.name(), actor, FreezeRule.of(stored).describe());
        return FreezeWindowView.of(stored, FreezeRule.of(stored), clock.instant());
    }

    public List<FreezeWindowView> list() {
        Instant now = clock.instant();
        return store.list().stream().map(w -> FreezeWindowView.of(w, FreezeRule.of(w), now)).toList();
    }

    public boolean delete(String name, String actor) {
        boolean deleted = store.delete(name);
        if (deleted) {
            LOG.info("freeze window {} deleted by {}", name, actor);
        }
        return deleted;
    }

    /** Every window that covers {@code at}, by name. */
    public List<Covering> covering(Instant at) {
        List<Covering> covering = new ArrayList<>();
        for (FreezeWindowRecord w : store.list()) {
            FreezeRule rule = FreezeRule.of(w);
            if (rule.covers(at)) {
                covering.add(new Covering(w, rule));
            }
        }
        return covering;
    }

    /** The same as views, for the check endpoint. */
    public List<FreezeWindowView> viewsCovering(Instant at) {
        return covering(at).stream().map(c -> FreezeWindowView.of(c.window(), c.rule(), at)).toList();
    }

    static void name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidRequestException(field + (value == null ? " is required" : " '" + value + "' is not a "
                    + "valid name") + "; expected 1 to 100 letters, digits, '.', '_' or '-', starting with a letter "
                    + "or digit");
        }
    }

    private static List<LocalDate> dates(List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidRequestException("holidays is empty; expected at least one date such as 2026-12-25");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            LocalDate d = Times.date("holidays[" + i + "]", values.get(i));
            if (!dates.contains(d)) {
                dates.add(d);
            }
        }
        dates.sort(null);
        return dates;
    }

    private static List<String> given(boolean dates, boolean weekly, boolean holidays) {
        List<String> given = new ArrayList<>();
        if (weekly) {
            given.add("weekly");
        }
        if (holidays) {
            given.add("holidays");
        }
        if (dates) {
            given.add("from/to");
        }
        return given;
    }

    private static FreezeWindowRecord record(String name, FreezeWindowRecord.Kind kind, ZoneId zone, Instant from,
            Instant to, String weekly, List<LocalDate> holidays, String reason, String actor) {
        return new FreezeWindowRecord(name, kind, zone.getId(), from, to, weekly, holidays, reason, actor, null);
    }
}
