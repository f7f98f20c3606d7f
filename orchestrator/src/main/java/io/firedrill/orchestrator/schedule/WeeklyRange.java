package io.firedrill.orchestrator.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly freeze in local wall-clock time: {@code FRI 18:00-MON 08:00} (one range across days),
 * {@code MON-FRI 22:00-06:00} or {@code SAT,SUN 00:00-24:00} (the same hours on each listed day, into the next day
 * when the end is not after the start), several joined by {@code ;}. Starts are inclusive, ends exclusive.
 *
 * <p>Wall-clock on purpose: a freeze from 18:00 means 18:00 on the office clock, so across a DST change a range
 * keeps its local start and end and is an hour shorter or longer in real time; a local time the change skips
 * (02:30 on a spring-forward night) never happens and so is never inside.
 */
public final class WeeklyRange {
    private static final int DAY = 24 * 3600;
    private static final int WEEK = 7 * DAY;
    private static final String TIME = "(\\d{1,2}:\\d{2})";
    private static final Pattern ACROSS_DAYS = Pattern.compile("([A-Z]+) " + TIME + " ?- ?([A-Z]+) " + TIME);
    private static final Pattern SAME_HOURS = Pattern.compile("([A-Z,-]+) " + TIME + " ?- ?" + TIME);
    private static final String EXPECTED = "expected DAY HH:MM-DAY HH:MM (e.g. FRI 18:00-MON 08:00) or DAYS "
            + "HH:MM-HH:MM (e.g. MON-FRI 22:00-06:00, SAT,SUN 00:00-24:00), several joined by ';'";

    /** A span of the week: its first second (inclusive) and its length, in seconds from Monday 00:00. */
    private record Span(int start, int length) {
        boolean covers(int secondOfWeek) {
            return Math.floorMod(secondOfWeek - start, WEEK) < length;
        }
    }

    private final String text;
    private final List<Span> spans;

    private WeeklyRange(String text, List<Span> spans) {
        this.text = text;
        this.spans = List.copyOf(spans);
    }

    /** Parses a range; an {@link InvalidRequestException} naming {@code field} and the bad part otherwise. */
    public static WeeklyRange parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field + " is empty; " + EXPECTED);
        }
        List<Span> spans = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        List<String> partOf = new ArrayList<>();
        for (String part : value.split(";")) {
            String p = part.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            Matcher across = ACROSS_DAYS.matcher(p);
            Matcher same = SAME_HOURS.matcher(p);
            if (across.matches()) {
                DayOfWeek first = day(field, value, across.group(1));
                DayOfWeek last = day(field, value, across.group(3));
                int from = time(field, value, across.group(2), false);
                int to = time(field, value, across.group(4), true);
                spans.add(span(field, value, (first.getValue() - 1) * DAY + from, (last.getValue() - 1) * DAY + to));
                canonical.add(abbreviation(first) + " " + clock(from) + "-" + abbreviation(last) + " " + clock(to));
            } else if (same.matches()) {
                int from = time(field, value, same.group(2), false);
                int to = time(field, value, same.group(3), true);
                if (to == from) {
                    throw new InvalidRequestException(field + " '" + value + "': '" + part.strip() + "' starts and "
                            + "ends at the same time; " + EXPECTED);
                }
                for (DayOfWeek d : days(field, value, same.group(1))) {
                    int start = (d.getValue() - 1) * DAY + from;
                    spans.add(span(field, value, start, start - from + (to < from ? to + DAY : to)));
                }
                String days = Pattern.compile("[A-Z]+").matcher(same.group(1))
                        .replaceAll(m -> abbreviation(day(field, value, m.group())));
                canonical.add(days + " " + clock(from) + "-" + clock(to));
            } else {
                throw new InvalidRequestException(field + " '" + value + "': cannot read '" + part.strip() + "'; "
                        + EXPECTED);
            }
            while (partOf.size() < spans.size()) {
                partOf.add(part.strip());
            }
        }
        refuseOverlaps(field, value, spans, partOf);
        return new WeeklyRange(String.join("; ", canonical), spans);
    }

    /** Whether the local date-time (in the window's zone) is inside. */
    public boolean covers(LocalDateTime local) {
        int second = (local.getDayOfWeek().getValue() - 1) * DAY + local.toLocalTime().toSecondOfDay();
        return spans.stream().anyMatch(s -> s.covers(second));
    }

    /** The canonical text, as stored and shown: upper case, single spaces. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Two ranges of one window that cover the same time are almost always a typo (a day or an hour off), and the
     * window would read as something it is not; each time is given once. Ranges that only touch are fine.
     */
    private static void refuseOverlaps(String field, String value, List<Span> spans, List<String> partOf) {
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                Span a = spans.get(i);
                Span b = spans.get(j);
                if (a.covers(b.start()) || b.covers(a.start())) {
                    String which = partOf.get(i).equals(partOf.get(j)) ? "'" + partOf.get(i) + "' covers some times twice"
                            : "'" + partOf.get(i) + "' and '" + partOf.get(j) + "' overlap";
                    throw new InvalidRequestException(field + " '" + value + "': " + which + "; give each time once");
                }
            }
        }
    }

    /** An end at or before its start runs into the next day, or round the week end (FRI 18:00-MON 08:00). */
    private static Span span(String field, String value, int start, int end) {
        int length = Math.floorMod(end - start, WEEK);
        if (length == 0) {
            throw new InvalidRequestException(field + " '" + value + "': a range starts and ends at the same time, "
                    + "so it is empty or the whole week; " + EXPECTED);
        }
        return new Span(Math.floorMod(start, WEEK), length);
    }

    private static List<DayOfWeek> days(String field, String value, String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] bounds = item.split("-", -1);
            if (bounds.length == 1) {
                days.add(day(field, value, bounds[0]));
            } else if (bounds.length == 2) {
                DayOfWeek first = day(field, value, bounds[0]);
                DayOfWeek last = day(field, value, bounds[1]);
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            } else {
                throw new InvalidRequestException(field + " '" + value + "': cannot read the days '" + item + "'; "
                        + EXPECTED);
            }
        }
        return days;
    }

    private static DayOfWeek day(String field, String value, String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(name) || d.name().substring(0, 3).equals(name)) {
                return d;
            }
        }
        throw new InvalidRequestException(field + " '" + value + "': unknown day '" + name
                + "'; expected MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    private static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private static String clock(int secondOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60);
    }

    /** Seconds into the day; 24:00 is allowed as an end, meaning the next midnight. */
    private static int time(String field, String value, String time, boolean end) {
        if (end && time.equals("24:00")) {
            return DAY;
        }
        String[] hm = time.split(":");
        int h = Integer.parseInt(hm[0]);
        int m = Integer.parseInt(hm[1]);
        if (h > 23 || m > 59) {
            throw new InvalidRequestException(field + " '" + value + "': '" + time + "' is not a time of day; "
                    + "expected HH:MM from 00:00 to 23:59" + (end ? " (or 24:00 as an end)" : ""));
        }
        return LocalTime.of(h, m).toSecondOfDay();
    }
}
