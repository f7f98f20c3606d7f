package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Every API call is authenticated, each role reaches what it should and no more, and changes record their actor. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityApiTest extends RunningServer {
    private static String alice;
    private static String bob;
    private static String vic;

    @Test
    @Order(1)
    void withoutATokenOnlyHealthAndTheApiDocumentAnswer() {
        ApiClient anonymous = new ApiClient(server.baseUrl());

        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/openapi.yaml").status()).isEqualTo(200);
        ApiClient.Reply refused = anonymous.get("/api/v1/experiments");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("authentication required: send Authorization: "
                + "Bearer <token>; a first start wrote the admin's token to " + server.adminTokenFile());
        ApiClient.Reply forged = anonymous.as("fdt_not-a-real-token").get("/api/v1/experiments");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("error").asText()).startsWith("the token is not valid (unknown or revoked)");
    }

    @Test
    @Order(2)
    void anAdminCreatesPeopleWithARoleAndEachGetsATokenShownOnce() {
        alice = created("alice", "operator");
        bob = created("bob", "approver");
        vic = created("vic", "viewer");

        ApiClient.Reply again = api.post("/api/v1/users", "application/json", "{\"name\":\"alice\",\"role\":\"viewer\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).isEqualTo("a user named 'alice' exists already");
        ApiClient.Reply badRole = api.post("/api/v1/users", "application/json", "{\"name\":\"eve\",\"role\":\"root\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("error").asText())
                .isEqualTo("role: role 'root' is not one of viewer, operator, approver, admin");
        assertThat(api.get("/api/v1/users").json().findValuesAsText("name"))
                .containsExactly("admin", "alice", "bob", "vic");
        assertThat(api.as(alice).get("/api/v1/me").json().path("role").asText()).isEqualTo("OPERATOR");
    }

    @Test
    @Order(3)
    void aViewerReadsButChangesNothing() {
        ApiClient viewer = api.as(vic);

        assertThat(viewer.get("/api/v1/experiments").status()).isEqualTo(200);
        ApiClient.Reply refused = viewer.post("/api/v1/halt", null, "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asText())
                .isEqualTo("forbidden: POST /api/v1/halt needs role operator or admin; vic has role viewer");
        assertThat(api.get("/api/v1/halt").json().path("halted").asBoolean()).isFalse();
        assertThat(viewer.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void anOperatorHaltsOnlyAnAdminResumesAndBothAreRecordedByName() {
        assertThat(api.as(alice).post("/api/v1/halt?reason=drill", null, "").status()).isEqualTo(200);
        ApiClient.Reply notAllowed = api.as(alice).post("/api/v1/halt/resume", null, "");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().path("error").asText())
                .isEqualTo("forbidden: POST /api/v1/halt/resume needs role admin; alice has role operator");
        assertThat(api.as(bob).post("/api/v1/halt/resume", null, "").status()).isEqualTo(403);

        assertThat(api.post("/api/v1/halt/resume", null, "").status()).isEqualTo(200);

        ApiClient.Reply history = api.get("/api/v1/halt");
        assertThat(history.json().path("history").get(0).path("haltedBy").asText()).isEqualTo("alice");
        assertThat(history.json().path("history").get(0).path("resumedBy").asText()).isEqualTo("admin");
        // The audit log has them too, with the same actors, and only what succeeded (not bob's refused resume).
        org.awaitility.Awaitility.await("the audit entries").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/audit/entries?limit=100").json().path("entries").findValuesAsText("action")
                        .contains("halt.resume"));
        java.util.List<String> trail = new java.util.ArrayList<>();
        api.get("/api/v1/audit/entries?limit=100").json().path("entries").forEach(e -> trail.add(
                e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("subject").asText()));
        assertThat(trail).containsSubsequence("admin user.create user", "alice halt halt", "admin halt.resume halt")
                .noneMatch(line -> line.startsWith("bob"));
        assertThat(api.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void aRevokedTokenStopsWorkingAtOnce() {
        ApiClient.Reply issued = api.as(vic).post("/api/v1/me/tokens", null, "");
        assertThat(issued.status()).isEqualTo(201);
        String second = issued.json().path("token").asText();
        assertThat(api.as(second).get("/api/v1/me").json().path("name").asText()).isEqualTo("vic");

        assertThat(api.as(vic).delete("/api/v1/me/tokens/" + issued.json().path("id").asText()).status()).isEqualTo(204);

        assertThat(api.as(second).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.as(vic).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void theBrowsersSessionCookieWorksForReadsAndNeedsTheCsrfHeaderForChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"token\":\"" + alice + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("firedrill_session=" + alice).containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.body()).contains("\"name\":\"alice\"");
        HttpResponse<String> noHeader = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/halt/resume")).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.body()).contains("must send the header X-Firedrill-CSRF");
        HttpResponse<String> withHeader = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/halt?reason=csrf")).header("Cookie", cookie).header("X-Firedrill-CSRF", "1")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withHeader.statusCode()).as(withHeader.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/halt/resume", null, "").status()).isEqualTo(200);
    }

    private static String created(String name, String role) {
        ApiClient.Reply r = api.post("/api/v1/users", "application/json",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("user").path("createdBy").asText()).isEqualTo("admin");
        return r.json().path("token").path("token").asText();
    }
}
