package io.firedrill.orchestrator.identity;

import io.firedrill.orchestrator.store.Role;
import io.vertx.core.http.HttpMethod;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which role reaches which API route, in one table read top to bottom; the first rule that matches decides. Reading
 * is open to every role; changing things takes an operator; deciding approvals an approver; people, tokens,
 * enrollments and resuming after a HALT an admin. An admin reaches everything.
 */
public final class AccessPolicy {
    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> OPERATORS = EnumSet.of(Role.OPERATOR, Role.ADMIN);
    private static final Set<Role> APPROVERS = EnumSet.of(Role.APPROVER, Role.ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    private record Rule(HttpMethod method, Pattern path, Set<Role> roles, String needs) {
        boolean matches(HttpMethod m, String p) {
            return (method == null || method.equals(m)) && path.matcher(p).matches();
        }
    }

    private static final List<Rule> PUBLIC = List.of(
            rule(HttpMethod.GET, "/api/v1/health", null, null),
            rule(HttpMethod.GET, "/api/v1/openapi\\.yaml", null, null),
            rule(HttpMethod.GET, "/api/v1/agents/connect", null, null), // agents present their region's token there
            rule(HttpMethod.POST, "/api/v1/session", null, null),
            rule(HttpMethod.DELETE, "/api/v1/session", null, null));

    private static final List<Rule> RULES = List.of(
            rule(null, "/api/v1/users(/.*)?", ADMINS, "admin"),
            rule(null, "/api/v1/enrollments(/.*)?", ADMINS, "admin"),
            rule(null, "/api/v1/tokens(/.*)?", ADMINS, "admin"),
            rule(HttpMethod.POST, "/api/v1/halt/resume", ADMINS, "admin"),
            rule(HttpMethod.POST, "/api/v1/audit/checkpoints", ADMINS, "admin"),
            rule(null, "/api/v1/me(/.*)?", ANYONE, null),
            rule(HttpMethod.POST, "/api/v1/approvals/[^/]+/(approve|reject)", APPROVERS, "approver"),
            rule(HttpMethod.POST, "/api/v1/runs/[^/]+/sign-off", APPROVERS, "approver"),
            rule(HttpMethod.POST, "/api/v1/(experiments|estates)/validate", ANYONE, null),
            // participants act on runbook steps by their game-day role, whatever their API role (see rehearsal/)
            rule(HttpMethod.POST, "/api/v1/runs/[^/]+/steps/[^/]+/(start|complete|skip)", ANYONE, null),
            rule(HttpMethod.GET, "/api/.*", ANYONE, null),
            rule(null, "/api/.*", OPERATORS, "operator"));

    private static Rule rule(HttpMethod method, String path, Set<Role> roles, String needs) {
        return new Rule(method, Pattern.compile(path), roles, needs);
    }

    private AccessPolicy() {}

    /** Whether the route answers without a caller. */
    public static boolean isPublic(HttpMethod method, String path) {
        return !path.startsWith("/api/") || PUBLIC.stream().anyMatch(r -> r.matches(method, path));
    }

    /** Why {@code role} may not call the route, or empty when it may. */
    public static Optional<String> refusal(HttpMethod method, String path, String user, Role role) {
        for (Rule r : RULES) {
            if (r.matches(method, path)) {
                return r.roles().contains(role) ? Optional.empty() : Optional.of(method.name() + " " + path
                        + " needs role " + r.needs() + (r.needs().equals("admin") ? "" : " or admin") + "; " + user
                        + " has role " + role.wire());
            }
        }
        return Optional.empty();
    }
}
