package io.firedrill.model.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.firedrill.model.Document;
import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.Runbook;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.RunbookStep;
import io.firedrill.model.Service;
import io.firedrill.model.WireName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a runbook's front matter, with the body's sections as the steps' longer instructions. The
 * experiments are read before the steps, because an http action's target must be a service of their
 * estates.
 */
final class RunbookReader {
    static final List<String> FIELDS = List.of("apiVersion", "kind", "id", "title", "owner", "version", "experiments",
            "roles", "steps");
    private static final List<String> STEP = List.of("id", "title", "role", "expected", "instructions", "action", "evidence");
    private static final List<String> ACTION = List.of("type", "method", "target", "path", "body");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final ExperimentDirectory directory;
    private final Problems problems;
    private final FrontMatter.Parts parts;
    private final List<RunbookSections.Section> sections;

    RunbookReader(ExperimentDirectory directory, Problems problems, FrontMatter.Parts parts) {
        this.directory = directory;
        this.problems = problems;
        this.parts = parts;
        this.sections = RunbookSections.of(parts.body(), parts.bodyLine());
    }

    /** The roles steps may use; when an entry of {@code roles} is broken, any known role is let through. */
    private record Roles(List<Runbook.Role> listed, boolean checked) {}

    Optional<Runbook> read(YamlNode root) {
        return root.map(FIELDS).flatMap(m -> {
            Header.apiVersion(m, false);
            Header.inlineKind(m, Document.Kind.RUNBOOK);
            String id = m.required("id", YamlNode::slug);
            String title = m.required("title", YamlNode::text);
            String owner = m.required("owner", YamlNode::text);
            String version = m.required("version", YamlNode::text);
            Names seen = Names.of("experiment");
            Map<String, Experiment> applied = new LinkedHashMap<>();
            List<String> experiments = m.list("experiments", 1, "experiment", n -> experiment(n, seen, applied));
            Roles roles = roles(m);
            Names stepIds = Names.of("step");
            List<RunbookStep> steps = m.list("steps", 1, "step", n -> step(n, stepIds, roles, applied.values()));
            sectionsGivenTwice(root.file(), stepIds);
            return m.build(() -> new Runbook(id, title, owner, version, experiments, roles.listed(), steps, parts.body()));
        });
    }

    private Optional<String> experiment(YamlNode n, Names seen, Map<String, Experiment> applied) {
        return n.slug().filter(v -> seen.declare(n, v)).filter(v -> {
            Optional<Experiment> found = directory.find(v);
            if (found.isEmpty()) {
                n.problem(Suggest.unknown("experiment", v, directory.names()));
            }
            found.ifPresent(e -> applied.put(v, e));
            return found.isPresent();
        });
    }

    private static Roles roles(YamlMap m) {
        if (!m.has("roles")) {
            return new Roles(List.of(Runbook.Role.values()), false);
        }
        Names seen = Names.of("role");
        boolean[] broken = {false};
        List<Runbook.Role> listed = m.list("roles", 1, "role", n -> {
            Optional<Runbook.Role> role = n.oneOf(Runbook.Role.class, "role").filter(r -> seen.declare(n, r.wireName()));
            broken[0] |= role.isEmpty();
            return role;
        });
        return new Roles(listed, !broken[0]);
    }

    private Optional<RunbookStep> step(YamlNode node, Names ids, Roles roles, Collection<Experiment> applied) {
        return node.map(STEP).flatMap(s -> {
            String id = s.required("id", n -> n.slug().filter(v -> ids.declare(n, v)));
            String title = s.required("title", YamlNode::text);
            Runbook.Role role = s.required("role", n -> n.oneOf(Runbook.Role.class, "role").filter(r -> listed(n, r, roles)));
            Duration expected = s.required("expected", YamlNode::positiveDuration);
            String instructions = s.optional("instructions", n -> n.text().map(String::strip), "");
            String details = id == null ? "" : details(id);
            if (id != null && !s.has("instructions") && details.isEmpty()) {
                s.self().problem("missing field 'instructions'; write them here or in a section '## " + id + "' of the body");
                s.incomplete();
            }
            RunbookAction action = s.optional("action", n -> action(n, applied), new RunbookAction.None());
            List<RunbookStep.Evidence> evidence = s.list("evidence", 0, "kind of evidence",
                    n -> n.oneOf(RunbookStep.Evidence.class, "evidence"));
            return s.build(() -> new RunbookStep(id, title, role, expected, instructions, details, action, evidence));
        });
    }

    private static boolean listed(YamlNode n, Runbook.Role role, Roles roles) {
        if (!roles.checked() || roles.listed().contains(role)) {
            return true;
        }
        n.problem("role '" + role.wireName() + "' is not among this runbook's roles; expected one of "
                + names(roles.listed()) + ", or add it to roles");
        return false;
    }

    private String details(String stepId) {
        return sections.stream().filter(s -> stepId.equals(s.key())).findFirst().map(RunbookSections.Section::text).orElse("");
    }

    /** Two sections for one step would leave the reader guessing which one the team meant. */
    private void sectionsGivenTwice(String file, Names stepIds) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (RunbookSections.Section s : sections) {
            if (s.key() == null || !stepIds.has(s.key())) {
                continue;
            }
            Integer line = first.putIfAbsent(s.key(), s.line());
            if (line != null) {
                problems.add(file, s.line(), 1, "body", "a second section for step '" + s.key()
                        + "'; the first is at line " + line + "; merge them into one");
            }
        }
    }

    private static Optional<RunbookAction> action(YamlNode node, Collection<Experiment> applied) {
        return node.map(ACTION).flatMap(a -> {
            RunbookAction.Type type = a.required("type", n -> n.oneOf(RunbookAction.Type.class, "action type"));
            if (type != RunbookAction.Type.HTTP) {
                for (String field : List.of("method", "target", "path", "body")) {
                    a.get(field).filter(n -> type != null).ifPresent(n -> {
                        n.problem(field + " applies only to action type http, not " + type.wireName());
                        a.incomplete();
                    });
                }
                return a.build(RunbookAction.None::new);
            }
            RunbookAction.Method method = a.required("method", n -> n.oneOf(RunbookAction.Method.class, "method"));
            String target = a.required("target", n -> target(n, applied));
            String path = a.required("path", RunbookReader::path);
            Optional<String> body = a.optional("body", RunbookReader::json);
            return a.build(() -> new RunbookAction.Http(method, target, path, body));
        });
    }

    /** A service that speaks http, or the front door, in the estate of every experiment the runbook applies to. */
    private static Optional<String> target(YamlNode n, Collection<Experiment> applied) {
        String frontDoor = RunbookAction.Http.FRONT_DOOR;
        return n.scalar("an http service of the estate, or " + frontDoor).filter(v -> {
            if (!v.equals(frontDoor) && !v.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                n.problem("expected an http service of the estate like router, or " + frontDoor + ", got '" + v + "'");
                return false;
            }
            Map<String, Experiment> byEstate = new LinkedHashMap<>();
            applied.forEach(e -> byEstate.putIfAbsent(e.estate().name(), e));
            return byEstate.values().stream().allMatch(e -> targetIn(n, v, e));
        });
    }

    private static boolean targetIn(YamlNode n, String target, Experiment experiment) {
        Estate estate = experiment.estate();
        String where = "estate '" + estate.name() + "' of experiment '" + experiment.name() + "'";
        List<String> known = new ArrayList<>(estate.services().stream()
                .filter(s -> s.kind() == Service.Kind.HTTP).map(Service::name).toList());
        estate.frontDoor().ifPresent(f -> known.add(RunbookAction.Http.FRONT_DOOR));
        if (known.contains(target)) {
            return true;
        }
        Optional<Service> service = estate.service(target);
        if (service.isPresent()) {
            n.problem("target '" + target + "' is a " + service.get().kind().wireName() + " service of " + where
                    + "; an http action needs one of " + String.join(", ", known));
        } else if (target.equals(RunbookAction.Http.FRONT_DOOR)) {
            n.problem("target frontDoor: " + where + " has no frontDoor; expected one of " + String.join(", ", known));
        } else {
            n.problem("unknown target '" + target + "': " + where + " has no http service of that name; expected one of "
                    + String.join(", ", known)
                    + Suggest.closest(target, known).map(c -> "; did you mean '" + c + "'?").orElse(""));
        }
        return false;
    }

    private static Optional<String> path(YamlNode n) {
        return n.scalar("a path like /failover").filter(v -> {
            boolean ok = v.startsWith("/") && !v.startsWith("//") && v.chars().noneMatch(Character::isWhitespace);
            if (!ok) {
                n.problem("expected a path starting with / like /failover, got '" + v + "'");
            }
            return ok;
        });
    }

    private static Optional<String> json(YamlNode n) {
        return n.text().filter(v -> {
            try {
                JSON.readTree(v);
                return true;
            } catch (JsonProcessingException e) {
                n.problem("expected a JSON body like {\"reason\": \"drill\"}, got '" + v + "' (" + e.getOriginalMessage() + ")");
                return false;
            }
        });
    }

    private static String names(List<? extends WireName> values) {
        return String.join(", ", values.stream().map(WireName::wireName).toList());
    }
}
