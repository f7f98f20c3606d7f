package io.firedrill.model.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level-2 sections of a runbook's Markdown body ({@code ## confirm-primary-down: ...}), keyed by the
 * first word of their heading, which is how the body gives a step longer instructions. A section runs
 * to the next heading of level 1 or 2. Lines inside fenced code blocks are never headings, since shell
 * comments start with {@code #} too.
 */
final class RunbookSections {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /**
     * @param key  the heading's first word, without backticks: a step id when the section is a step's
     * @param line the file's line number of the heading
     * @param text the lines under the heading, without leading blank lines and trailing white space
     */
    record Section(String key, int line, String text) {}

    private RunbookSections() {}

    /** @param firstLine the file's line number of the body's first line */
    static List<Section> of(String body, int firstLine) {
        List<Section> sections = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        String fence = null;
        String key = null;
        int headingLine = 0;
        List<String> under = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.matches() && !(f.group(1).charAt(0) == '`' && f.group(2).contains("`"))) {
                fence = f.group(1);
            } else if (fence != null && f.matches() && f.group(1).charAt(0) == fence.charAt(0)
                    && f.group(1).length() >= fence.length() && f.group(2).isBlank()) {
                fence = null;
            } else if (fence == null) {
                Matcher h = HEADING.matcher(line);
                if (h.matches() && h.group(1).length() <= 2) {
                    if (key != null) {
                        sections.add(new Section(key, headingLine, text(under)));
                    }
                    key = h.group(1).length() == 2 ? firstWord(h.group(2)) : null;
                    headingLine = firstLine + i;
                    under.clear();
                    continue;
                }
            }
            under.add(line);
        }
        if (key != null) {
            sections.add(new Section(key, headingLine, text(under)));
        }
        return sections;
    }

    private static String firstWord(String heading) {
        if (heading == null || heading.isBlank()) {
            return null;
        }
        String word = heading.strip().split("[\\s:]", 2)[0];
        return word.replace("`", "");
    }

    private static String text(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size())).stripTrailing();
    }
}
