package io.firedrill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A runbook rehearsal through the browser: a game day made on {@code #/gamedays} (the regional-failover runbook with
 * region-blackout, alice on-call and the admin facilitating), a run started from its row, its first step started and
 * completed with a note on the run page, and the audit page showing the log intact with those acts in it. On
 * {@code firedrill demo --no-runs} in its own process, as {@link UiIT}. Ordered: the audit test looks for the entries
 * the first one leaves. The run is aborted once the step is done, so that no blackout outlives the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RehearsalUiIT {
    @RegisterExtension
    static final Browser browser = new Browser();
    @RegisterExtension
    static final DemoProcess demo = new DemoProcess("rehearsal-ui-it");

    private static final Duration PAGE = Duration.ofSeconds(15);
    /** A catalog run takes some 30 s; an abort reverts within seconds. */
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Duration FAILBACK = Duration.ofMinutes(2);
    private static final Pattern RUN_ROUTE = Pattern.compile("#/runs/([^/?#]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GAME_DAY = "ui-q4-drill";
    private static final String FIRST_STEP = "detect";
    private static final String NOTE = "ui-it: users get 502 at the front door";

    @BeforeAll
    static void setUp() throws Exception {
        demo.api("POST", "/api/v1/users", JSON.createObjectNode().put("name", "alice").put("role", "operator")
                .toString());
    }

    @Test
    @Order(1)
    void aGameDayMadeOnThePageRunsAndItsFirstStepIsStartedAndCompletedWithANote() throws Exception {
        demo.failBack(FAILBACK);
        logIn("/gamedays");
        browser.awaitText("the page heading", By.tagName("h1"), PAGE, t -> t.startsWith("Game days"));

        browser.type(By.id("gameday-name"), GAME_DAY);
        browser.choose("gameday-runbook", "regional-failover");
        browser.choose("gameday-experiment", "region-blackout");
        browser.choose("gameday-user-0", "admin");
        new Select(browser.visible(By.id("gameday-role-0"))).selectByValue("facilitator");
        browser.visible(By.id("gameday-add-participant")).click();
        browser.choose("gameday-user-1", "alice");
        new Select(browser.visible(By.id("gameday-role-1"))).selectByValue("on-call");
        browser.visible(By.cssSelector("form#gameday-form button#gameday-create")).click();

        String row = "table#gamedays tr[data-gameday='" + GAME_DAY + "'] ";
        browser.awaitText("the game day's row lists its participants", By.cssSelector(row + "td.participants"), PAGE,
                t -> t.contains("alice") && t.contains("on-call") && t.contains("admin") && t.contains("facilitator"));
        assertThat(browser.text(By.cssSelector(row + "td.runbook"))).as("the runbook cell").containsIgnoringCase(
                "regional failover");
        assertThat(browser.text(By.cssSelector(row + "td.experiments"))).as("the experiments cell")
                .contains("region-blackout");
        browser.saveEvidence("RehearsalUiIT-gamedays");

        browser.visible(By.cssSelector(row + "button[data-gameday-run='" + GAME_DAY + "']")).click();
        String url = browser.await("the page moves to the new run (#/runs/<id>)", PAGE,
                () -> RUN_ROUTE.matcher(browser.currentUrl()).find() ? browser.currentUrl() : null,
                () -> "url " + browser.currentUrl() + ", #error " + Browser.quote(browser.text(By.id("error"))));
        Matcher m = RUN_ROUTE.matcher(url);
        assertThat(m.find()).isTrue();
        String runId = m.group(1);

        String step = "section#rehearsal ol#steps li[data-step='" + FIRST_STEP + "']";
        browser.awaitText("the first step is listed pending with its role", By.cssSelector(step), PAGE,
                t -> t.contains("pending") && t.contains("on-call"));
        browser.click(By.cssSelector(step + " button[data-step-start='" + FIRST_STEP + "']"));
        browser.awaitText("the first step shows started by admin with a timer", By.cssSelector(step), PAGE,
                t -> t.contains("started") && t.contains("Started by admin") && t.contains("running")
                        && t.contains("of 2m expected"));
        browser.saveEvidence("RehearsalUiIT-step-started");

        browser.type(By.id("step-note"), NOTE);
        browser.click(By.cssSelector(step + " button[data-step-complete='" + FIRST_STEP + "']"));
        browser.awaitText("the first step shows completed by admin with the note", By.cssSelector(step), PAGE,
                t -> t.contains("completed") && t.contains("Completed by admin") && t.contains(NOTE));
        assertThat(browser.text(By.id("error"))).as("#error after acting on the step").isEmpty();
        assertThat(browser.find(By.cssSelector(step + " button"))).as("buttons left on the completed step").isEmpty();
        browser.awaitVisible("the next step offers Start",
                By.cssSelector("button[data-step-start='declare-incident']"), PAGE);
        browser.saveEvidence("RehearsalUiIT-step-completed");

        JsonNode first = demo.api("GET", "/api/v1/runs/" + runId + "/steps", null).path("steps").get(0);
        assertThat(first.path("id").asText()).isEqualTo(FIRST_STEP);
        assertThat(first.path("state").asText()).as("GET steps: state of %s", first).isEqualTo("completed");
        assertThat(first.path("started").path("by").asText()).as("started by").isEqualTo("admin");
        assertThat(first.path("completed").path("by").asText()).as("completed by").isEqualTo("admin");
        assertThat(first.path("completed").path("note").asText()).as("the completion's note").isEqualTo(NOTE);

        // Abort so that the blackout is reverted now rather than at the end of the experiment.
        browser.find(By.id("abort")).filter(WebElement::isDisplayed).ifPresent(abort -> {
            abort.click();
            browser.awaitVisible("the abort confirmation", By.cssSelector("dialog#confirm"), PAGE);
            browser.visible(By.cssSelector("dialog#confirm button#confirm-yes")).click();
        });
        browser.awaitText("#run-state reaches ABORTED or DONE", By.id("run-state"), RUN,
                t -> t.contains("ABORTED") || t.contains("DONE"));
        browser.await("the step buttons go once the run is over", PAGE,
                () -> browser.findAll(By.cssSelector("ol#steps button")).isEmpty(),
                () -> "buttons " + browser.texts(By.cssSelector("ol#steps button")));
        assertThat(browser.find(By.id("step-note")).filter(WebElement::isDisplayed)).as("the note field after the run")
                .isEmpty();
        assertThat(browser.text(By.cssSelector(step))).as("the completed step after the run")
                .contains("Completed by admin", NOTE, "took");
        browser.saveEvidence("RehearsalUiIT-run-over");
        demo.failBack(FAILBACK);
    }

    @Test
    @Order(2)
    void theAuditPageVerifiesTheLogAndListsTheGameDayAndTheStep() {
        logIn("/audit");
        browser.awaitText("the page heading", By.tagName("h1"), PAGE, t -> t.startsWith("Audit"));
        browser.awaitText("#audit-status says the log verifies", By.id("audit-status"), PAGE, t -> t.startsWith("OK"));
        browser.awaitAnyText("an entry of the game day's creation by admin",
                By.cssSelector("table#audit-entries tr[data-seq]"), PAGE,
                t -> t.contains("gameday.create") && t.contains("admin"));
        browser.awaitAnyText("an entry of the step's start by admin",
                By.cssSelector("table#audit-entries tr[data-seq]"), PAGE,
                t -> t.contains("run.step.start") && t.contains("admin") && t.contains(FIRST_STEP));
        browser.awaitText("the public key's fingerprint", By.id("audit-key"), PAGE,
                t -> t.contains("SHA-256") && t.contains("PEM"));
        browser.saveEvidence("RehearsalUiIT-audit");
    }

    // ---- the UI ------------------------------------------------------------------------------------------------

    private static void logIn(String route) {
        browser.logIn(demo.base(), route, demo.adminToken(), "admin");
    }
}
