package io.firedrill.model.load;

import io.firedrill.model.Document;
import io.firedrill.model.WireName;
import java.util.List;
import java.util.Optional;

/**
 * The {@code apiVersion} and {@code kind} fields. A top-level document must carry both so that a file
 * says what it is without context; an estate written inline in an experiment may omit them.
 */
final class Header {
    static final List<String> KINDS = List.of(Document.Kind.ESTATE.wireName(), Document.Kind.EXPERIMENT.wireName());

    private Header() {}

    /**
     * The document's kind, or empty after reporting why it cannot be told.
     *
     * @param expected the kind the caller needs (a referenced estate), or empty when any kind will do
     */
    static Optional<Document.Kind> kind(YamlNode root, Optional<Document.Kind> expected) {
        if (!root.isMapping()) {
            root.problem("expected a mapping with apiVersion and kind, got " + root.describe());
            return Optional.empty();
        }
        Optional<YamlNode> kindNode = root.peek("kind");
        if (kindNode.isEmpty() || kindNode.get().isNull()) {
            root.problem("missing field 'kind'; expected "
                    + expected.map(k -> "kind: " + k.wireName()).orElse("one of " + String.join(", ", KINDS)));
            return Optional.empty();
        }
        Optional<Document.Kind> kind = kindNode.get().scalar("one of " + String.join(", ", KINDS))
                .flatMap(v -> yamlKind(kindNode.get(), v));
        if (kind.isPresent() && expected.isPresent() && kind.get() != expected.get()) {
            kindNode.get().problem("expected kind " + expected.get().wireName() + " here, got '" + kind.get().wireName() + "'");
            return Optional.empty();
        }
        return kind;
    }

    /** The kinds a YAML document may be: a runbook is Markdown, so saying so here is a mistake worth explaining. */
    private static Optional<Document.Kind> yamlKind(YamlNode node, String kind) {
        if (kind.equals(Document.Kind.RUNBOOK.wireName())) {
            node.problem("a Runbook is Markdown, not a YAML document: put its fields in front matter between "
                    + "two '---' lines at the top of a .md file");
            return Optional.empty();
        }
        Optional<Document.Kind> found = WireName.find(Document.Kind.class, kind);
        if (found.isEmpty()) {
            node.problem(Suggest.unknown("kind", kind, KINDS));
        }
        return found;
    }

    /** Checks {@code apiVersion}: required at the top of a file, optional inline. */
    static void apiVersion(YamlMap map, boolean required) {
        Optional<String> version = required ? Optional.ofNullable(map.required("apiVersion", YamlNode::text))
                : map.optional("apiVersion", YamlNode::text);
        version.filter(v -> !v.equals(Document.API_VERSION)).ifPresent(v -> {
            map.get("apiVersion").orElseThrow().problem(
                    "unsupported apiVersion '" + v + "'; expected " + Document.API_VERSION);
            map.incomplete();
        });
    }

    /** An inline estate may say {@code kind: Estate}, but nothing else. */
    static void inlineKind(YamlMap map, Document.Kind expected) {
        map.optional("kind", n -> n.oneOf(Document.Kind.class, "kind")).filter(k -> k != expected).ifPresent(k -> {
            map.get("kind").orElseThrow().problem(
                    "expected kind " + expected.wireName() + " here, got '" + k.wireName() + "'");
            map.incomplete();
        });
    }
}
