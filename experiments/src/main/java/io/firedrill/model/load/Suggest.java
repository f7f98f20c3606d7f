package io.firedrill.model.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Builds "unknown X; expected one of ...; did you mean ...?" messages, the same way for every kind of name. */
final class Suggest {
    private static final int MAX_DISTANCE = 2;

    private Suggest() {}

    /**
     * @param what  the kind of name, such as {@code field}, {@code fault}, {@code region}
     * @param given what the document says
     * @param known every accepted spelling, in the order users read them in the docs
     */
    static String unknown(String what, String given, Collection<String> known) {
        if (known.isEmpty()) {
            return "unknown " + what + " '" + given + "'; there are none to choose from";
        }
        return "unknown " + what + " '" + given + "'; expected one of " + String.join(", ", known)
                + closest(given, known).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /** The nearest spelling within an edit distance of 2, or one that differs only in case. */
    static Optional<String> closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String k : known) {
            int d = k.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)) ? 0 : distance(given, k);
            if (d < bestDistance && d < given.length()) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
