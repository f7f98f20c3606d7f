package io.firedrill.model.load;

import io.firedrill.model.Durations;
import io.firedrill.model.WireName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of the document with its path ({@code method[0].target}) and a place to report problems. Each
 * conversion either returns a value or records a problem at this node's position and returns empty,
 * so readers never throw and always go on to the next field.
 */
final class YamlNode {
    static final String SLUG = "a name like eu-west (lowercase letters, digits and '-')";

    private final String file;
    private final Problems problems;
    private final Node node;
    private final String path;

    YamlNode(String file, Problems problems, Node node, String path) {
        this.file = file;
        this.problems = problems;
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    void problem(String message) {
        problems.add(file, node.getStartMark(), path, message);
    }

    /** For a node that reads as "nothing": JSON null, YAML {@code ~} or an empty value. */
    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** How the node reads in a "got ..." clause. */
    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull() ? "an empty value" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private YamlNode child(Node child, String childPath) {
        return new YamlNode(file, problems, child, childPath);
    }

    private String fieldPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * The node as a mapping whose keys must be among {@code fields}; unknown and duplicate keys are
     * reported at the key and left out.
     */
    Optional<YamlMap> map(List<String> fields) {
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping with fields " + String.join(", ", fields) + ", got " + describe());
            return Optional.empty();
        }
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = child(tuple.getKeyNode(), path);
            if (!key.isScalar()) {
                key.problem("expected a field name, got " + key.describe());
                continue;
            }
            String name = ((ScalarNode) tuple.getKeyNode()).getValue();
            YamlNode keyAtPath = child(tuple.getKeyNode(), fieldPath(name));
            if (keyLines.containsKey(name)) {
                keyAtPath.problem("duplicate field '" + name + "'; first given at line " + keyLines.get(name));
            } else if (!fields.contains(name)) {
                keyAtPath.problem(Suggest.unknown("field", name, fields));
            } else {
                values.put(name, child(tuple.getValueNode(), fieldPath(name)));
            }
            keyLines.putIfAbsent(name, keyAtPath.line());
        }
        return Optional.of(new YamlMap(this, values));
    }

    /** The value of field {@code field} of a mapping, without any checks; for looking ahead at {@code kind}. */
    Optional<YamlNode> peek(String field) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(field)) {
                    return Optional.of(child(tuple.getValueNode(), fieldPath(field)));
                }
            }
        }
        return Optional.empty();
    }

    Optional<List<YamlNode>> list() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, got " + describe());
            return Optional.empty();
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(child(sequence.getValue().get(i), path + "[" + i + "]"));
        }
        return Optional.of(items);
    }

    /** The scalar's text, or a problem saying {@code expected} was wanted. */
    Optional<String> scalar(String expected) {
        if (!isScalar()) {
            problem("expected " + expected + ", got " + describe());
            return Optional.empty();
        }
        return Optional.of(((ScalarNode) node).getValue());
    }

    Optional<String> text() {
        return scalar("a string").filter(v -> {
            if (v.isBlank()) {
                problem("expected a string, got an empty value");
            }
            return !v.isBlank();
        });
    }

    Optional<String> slug() {
        return scalar(SLUG).filter(v -> {
            boolean ok = v.matches("[a-z0-9][a-z0-9-]{0,62}");
            if (!ok) {
                problem("expected " + SLUG + ", got '" + v + "'");
            }
            return ok;
        });
    }

    /** Text turned into a value by {@code parser}, whose exception message becomes the problem. */
    <T> Optional<T> parsed(String expected, Function<String, T> parser) {
        return scalar(expected).flatMap(v -> {
            try {
                return Optional.of(parser.apply(v));
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    Optional<Integer> integer(int min, int max) {
        String range = max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
        String expected = "a whole number " + range;
        return scalar(expected).flatMap(v -> {
            try {
                int i = Integer.parseInt(v);
                if (i >= min && i <= max) {
                    return Optional.of(i);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("expected " + expected + ", got '" + v + "'");
            return Optional.empty();
        });
    }

    /** A positive decimal number, such as a rate per second. */
    Optional<Double> positiveNumber() {
        return scalar("a positive number").flatMap(v -> {
            try {
                double d = Double.parseDouble(v);
                if (d > 0 && Double.isFinite(d)) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("expected a positive number, got '" + v + "'");
            return Optional.empty();
        });
    }

    /** A share from 0 to 1, written {@code 0.05} or {@code 5%}. */
    Optional<Double> ratio() {
        String expected = "a ratio from 0 to 1 like 0.05, or a percentage like 5%";
        return scalar(expected).flatMap(v -> {
            try {
                double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
                if (d >= 0 && d <= 1) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("expected " + expected + ", got '" + v + "'");
            return Optional.empty();
        });
    }

    Optional<Boolean> bool() {
        return scalar("true or false").flatMap(v -> {
            if (v.equals("true") || v.equals("false")) {
                return Optional.of(v.equals("true"));
            }
            problem("expected true or false, got '" + v + "'");
            return Optional.empty();
        });
    }

    /** A duration of zero or more. */
    Optional<Duration> duration() {
        return parsed(Durations.EXPECTED, Durations::parse);
    }

    /** A duration greater than zero, for intervals, timeouts and objectives. */
    Optional<Duration> positiveDuration() {
        return duration().filter(d -> {
            if (d.isZero()) {
                problem("expected a positive duration like 30s, got " + describe());
            }
            return !d.isZero();
        });
    }

    /** One of an enum's spellings; {@code what} names it in the message ("unknown fault 'x'"). */
    <E extends Enum<E> & WireName> Optional<E> oneOf(Class<E> type, String what) {
        List<String> names = WireName.names(type);
        return scalar("one of " + String.join(", ", names)).flatMap(v -> {
            Optional<E> found = WireName.find(type, v);
            if (found.isEmpty()) {
                problem(Suggest.unknown(what, v, names));
            }
            return found;
        });
    }
}
