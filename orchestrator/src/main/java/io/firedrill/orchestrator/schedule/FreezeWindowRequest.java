package io.firedrill.orchestrator.schedule;

import java.util.List;

/**
 * A freeze window as asked for, fields as sent: exactly one of {@code weekly}, {@code holidays}, or {@code from}
 * with {@code to}. {@link FreezeWindows#create} checks it.
 *
 * @param timeZone required for weekly and holidays; for dates only used by forms without an offset (default UTC)
 * @param reason   optional, shown with every game day the window blocks
 */
public record FreezeWindowRequest(String name, String timeZone, String weekly, String from, String to,
        List<String> holidays, String reason) {}
