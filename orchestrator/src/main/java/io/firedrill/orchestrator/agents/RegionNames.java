package io.firedrill.orchestrator.agents;

import java.util.regex.Pattern;

/** The rule for region names, shared by enrollment and agent connections. */
public final class RegionNames {
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private RegionNames() {}

    public static boolean isValid(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /** The complaint about a bad name, quoting it and saying what is expected. */
    public static String problem(String field, String region) {
        return "field '" + field + "': '" + region + "' is not a valid region name; expected lower-case letters, "
                + "digits and '-', starting with a letter or digit, at most 63 characters (e.g. eu-west)";
    }
}
