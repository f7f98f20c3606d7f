package io.firedrill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.model.load.Source;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The planning pages as people use them: schedules, the calendar and freeze windows ({@code #/schedules}), approvals
 * of production runs ({@code #/approvals}) and the overview's next game days, on {@code firedrill demo --no-runs} in its
 * own process (the same fixture as {@link UiIT}; the two classes run one after the other, each with its own demo).
 * Ordered: the first test leaves a paused schedule whose last fire was blocked, which the overview test looks for.
 * No test lets a scheduled game day start: every fire falls in a freeze window, and the schedule is paused before the
 * window goes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanningUiIT {
    @RegisterExtension
    static final Browser browser = new Browser();
    @RegisterExtension
    static final DemoProcess demo = new DemoProcess("planning-ui-it");

    private static final Duration PAGE = Duration.ofSeconds(15);
    /** A schedule of every 5 s fires within 5 s; the page polls every 3 s. */
    private static final Duration FIRE = Duration.ofSeconds(25);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FREEZE = "ui-change-freeze";
    private static final String SCHEDULE = "ui-every-5s";

    @Test
    @Order(1)
    void aFireInsideAFreezeWindowIsBlockedAndTheCalendarShadesTheFreeze() throws Exception {
        logIn("/schedules", demo.adminToken(), "admin");
        browser.awaitText("the page heading", By.tagName("h1"), PAGE, t -> t.startsWith("Schedules"));

        // A freeze window from an hour ago to an hour ahead, as dates (UTC instants: valid whatever the zone field).
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        browser.type(By.id("freeze-name"), FREEZE);
        new Select(browser.visible(By.id("freeze-kind"))).selectByValue("dates");
        browser.type(By.id("freeze-from"), now.minus(Duration.ofHours(1)).toString());
        browser.type(By.id("freeze-to"), now.plus(Duration.ofHours(1)).toString());
        browser.type(By.id("freeze-reason"), "ui-it: change freeze");
        browser.visible(By.cssSelector("form#freeze-form button#freeze-create")).click();
        String freezeRow = "table#freeze-windows tr[data-freeze='" + FREEZE + "'] ";
        browser.awaitText("the new freeze window is listed as in force now", By.cssSelector(freezeRow + "td.active"),
                PAGE, t -> t.contains("in force now"));

        // The form shows the API's refusal, naming the field: Quartz takes '?' for one of the two days.
        browser.type(By.id("schedule-name"), SCHEDULE);
        browser.choose("schedule-experiment", "region-blackout");
        browser.type(By.id("schedule-cron"), "0 0 10 * * TUE");
        browser.visible(By.cssSelector("form#schedule-form button#schedule-create")).click();
        browser.awaitText("#error names the cron field", By.id("error"), PAGE, t -> t.startsWith("cron"));
        assertThat(browser.find(By.cssSelector("tr[data-schedule='" + SCHEDULE + "']"))).as("a refused schedule's row")
                .isEmpty();

        browser.type(By.id("schedule-cron"), "*/5 * * * * ?");
        browser.visible(By.cssSelector("form#schedule-form button#schedule-create")).click();
        String row = "table#schedules tr[data-schedule='" + SCHEDULE + "'] ";
        browser.awaitText("the schedule's row says what it runs", By.cssSelector(row + "td.experiment"), PAGE,
                "region-blackout"::equals);
        assertThat(browser.text(By.cssSelector(row + "td.when"))).as("the schedule's cron in words")
                .contains("every 5 seconds");
        browser.awaitText("the schedule's last fire is blocked, naming the freeze window",
                By.cssSelector(row + "td.last-fire"), FIRE, t -> t.contains("blocked") && t.contains(FREEZE));
        assertThat(browser.text(By.id("error"))).as("#error once the schedule was created").isEmpty();

        By today = By.cssSelector("#calendar li.cal-day.today");
        browser.awaitText("today's calendar day names the freeze window", today, PAGE, t -> t.contains(FREEZE));
        assertThat(browser.attribute(today, "data-frozen")).as("today's data-frozen").isIn("part", "all");
        assertThat(browser.findAll(By.cssSelector("#calendar li.cal-day.today .cal-band"))).as("today's freeze shading")
                .isNotEmpty();
        // Not necessarily today's cell: a few seconds before midnight the next fires fall tomorrow.
        browser.awaitAnyText("the calendar marks the schedule's next fires as blocked",
                By.cssSelector("#calendar li.cal-day .cal-fires li.blocked"), PAGE, t -> t.contains(SCHEDULE));

        browser.visible(By.cssSelector(row + "button[data-history='" + SCHEDULE + "']")).click();
        browser.awaitAnyText("the fire history lists a blocked fire",
                By.cssSelector("ol[data-fires='" + SCHEDULE + "'] li"), PAGE,
                t -> t.contains("blocked") && t.contains(FREEZE));
        browser.saveEvidence("PlanningUiIT-blocked");

        // Paused before the freeze goes, so that no fire can start a real blackout in between.
        browser.visible(By.cssSelector(row + "button[data-pause='" + SCHEDULE + "']")).click();
        browser.awaitText("the schedule's row says paused", By.cssSelector(row + "td.state"), PAGE, "paused"::equals);
        browser.visible(By.cssSelector(row + "button[data-resume='" + SCHEDULE + "']"));
        assertThat(browser.text(By.cssSelector(row + "td.next-fire"))).as("the next fire of a paused schedule")
                .contains("paused");
        assertThat(demo.api("GET", "/api/v1/schedules/" + SCHEDULE, null).path("paused").asBoolean())
                .as("the API's paused flag").isTrue();

        browser.visible(By.cssSelector(freezeRow + "button[data-freeze-delete='" + FREEZE + "']")).click();
        browser.awaitVisible("the delete confirmation", By.cssSelector("dialog#confirm-delete"), PAGE);
        browser.visible(By.cssSelector("dialog#confirm-delete button#confirm-delete-yes")).click();
        browser.await("the freeze window's row goes away", PAGE,
                () -> browser.find(By.cssSelector(freezeRow)).isEmpty(),
                () -> "row " + Browser.quote(browser.text(By.cssSelector(freezeRow))) + ", #error "
                        + Browser.quote(browser.text(By.id("error"))));
        browser.await("the calendar no longer shades today", PAGE,
                () -> "none".equals(browser.attribute(today, "data-frozen")),
                () -> "today's data-frozen " + Browser.quote(browser.attribute(today, "data-frozen")));

        JsonNode fires = demo.api("GET", "/api/v1/schedules/" + SCHEDULE + "/fires", null);
        assertThat(fires.findValuesAsText("outcome")).as("every fire of %s: %s", SCHEDULE, fires)
                .isNotEmpty().containsOnly("blocked");
        assertThat(demo.api("GET", "/api/v1/runs", null).size()).as("runs started").isZero();
    }

    @Test
    @Order(2)
    void anOperatorsRequestWaitsForASecondPersonWhoMustGiveAReasonToReject() throws Exception {
        String estate = Source.classpath("catalog/reference-estate.yaml").text()
                .replaceFirst("(?m)^name: .*$", "name: prod").replaceFirst("(?m)^production: false", "production: true");
        demo.api("POST", "/api/v1/estates", estate);
        demo.api("POST", "/api/v1/experiments", Source.classpath("catalog/region-blackout.yaml").text()
                .replaceFirst("(?m)^name: .*$", "name: prod-blackout")
                .replaceFirst("(?m)^estate: .*$", "estate: prod"));
        String alice = user("alice", "operator");
        String bob = user("bob", "approver");

        logIn("/approvals", alice, "alice");
        String reason = "ui-it: quarterly failover drill";
        browser.choose("approval-experiment", "prod-blackout");
        browser.type(By.id("approval-reason"), reason);
        assertThat(new Select(browser.visible(By.id("approval-valid-for"))).getFirstSelectedOption().getDomAttribute("value"))
                .as("the default validity").isEqualTo("24h");
        browser.visible(By.cssSelector("form#approval-form button#approval-request")).click();
        WebElement requested = browser.await("the request is listed", PAGE, () -> browser.findAll(
                By.cssSelector("table#approvals tr[data-approval]")).stream()
                .filter(r -> r.getText().contains(reason)).findFirst().orElse(null),
                () -> "rows " + browser.texts(By.cssSelector("table#approvals tr")) + ", #error "
                        + Browser.quote(browser.text(By.id("error"))));
        String id = requested.getDomAttribute("data-approval");
        String row = "table#approvals tr[data-approval='" + id + "'] ";
        browser.awaitText("alice's own request waits for a second person", By.cssSelector(row + "td.actions"), PAGE,
                t -> t.contains("waiting for a second person"));
        assertThat(browser.findAll(By.cssSelector(row + "button"))).as("buttons on alice's own request").isEmpty();
        assertThat(browser.text(By.cssSelector(row + "td.state"))).isEqualTo("pending");
        assertThat(browser.find(By.id("approvals-pending")).filter(WebElement::isDisplayed))
                .as("the pending count shown to an operator").isEmpty();

        browser.visible(By.id("logout")).click();
        browser.awaitVisible("the login form after alice logs out", By.cssSelector("form#login"), PAGE);
        browser.open(demo.base() + "/#/");
        browser.submitToken(bob);
        browser.awaitText("#whoami names bob", By.id("whoami"), PAGE, t -> t.contains("bob"));
        browser.awaitVisible("the pending count next to Approvals", By.id("approvals-pending-count"), PAGE);
        browser.awaitText("one approval waits for bob", By.id("approvals-pending-count"), PAGE, "1"::equals);
        browser.saveEvidence("PlanningUiIT-approver-badge");

        browser.visible(By.id("nav-approvals")).click();
        browser.awaitText("the page heading", By.tagName("h1"), PAGE, t -> t.startsWith("Approvals"));
        assertThat(browser.find(By.id("approval-form"))).as("the request form shown to an approver").isEmpty();
        browser.visible(By.cssSelector(row + "button[data-reject='" + id + "']")).click();
        browser.awaitVisible("the reject dialog", By.cssSelector("dialog#reject-dialog"), PAGE);
        browser.visible(By.cssSelector("dialog#reject-dialog button#reject-confirm")).click();
        browser.awaitText("the dialog says a note is needed", By.id("reject-note-error"), PAGE, t -> !t.isEmpty());
        assertThat(browser.visible(By.cssSelector("dialog#reject-dialog textarea#reject-note")).getDomAttribute("aria-invalid"))
                .as("the note field after confirming without one").isEqualTo("true");
        assertThat(browser.find(By.cssSelector("dialog#reject-dialog")).filter(WebElement::isDisplayed))
                .as("the dialog after confirming without a note").isPresent();
        browser.saveEvidence("PlanningUiIT-reject-needs-a-note");
        assertThat(demo.api("GET", "/api/v1/approvals/" + id, null).path("state").asText())
                .as("the approval after a rejection without a note").isEqualTo("pending");
        browser.visible(By.cssSelector("dialog#reject-dialog button#reject-cancel")).click();
        browser.await("the reject dialog closes", PAGE,
                () -> browser.find(By.cssSelector("dialog#reject-dialog")).filter(WebElement::isDisplayed).isEmpty(),
                () -> "dialog#reject-dialog still open");

        browser.visible(By.cssSelector(row + "button[data-approve='" + id + "']")).click();
        browser.awaitText("the row says approved", By.cssSelector(row + "td.state"), PAGE, "approved"::equals);
        browser.awaitText("the row names bob as the one who decided", By.cssSelector(row + "td.decision"), PAGE,
                t -> t.contains("approved by bob"));
        JsonNode approval = demo.api("GET", "/api/v1/approvals/" + id, null);
        assertThat(approval.path("state").asText()).as("the approval: %s", approval).isEqualTo("approved");
        assertThat(approval.path("decidedBy").asText()).isEqualTo("bob");
        browser.await("the pending count goes away", PAGE,
                () -> browser.find(By.id("approvals-pending")).filter(WebElement::isDisplayed).isEmpty(),
                () -> "#approvals-pending-count " + Browser.quote(browser.text(By.id("approvals-pending-count"))));
    }

    @Test
    @Order(3)
    void theOverviewListsTheNextGameDayAndTheFreezeInForce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String next = "ui-next-hour";
        ObjectNode schedule = JSON.createObjectNode().put("name", next).put("experiment", "region-blackout")
                .put("at", now.plus(Duration.ofHours(1)).toString()).put("timeZone", "UTC");
        demo.api("POST", "/api/v1/schedules", schedule.toString());
        String maintenance = "ui-maintenance";
        demo.api("POST", "/api/v1/freeze-windows", JSON.createObjectNode().put("name", maintenance)
                .put("from", now.minus(Duration.ofMinutes(1)).toString())
                .put("to", now.plus(Duration.ofHours(2)).toString()).put("reason", "database upgrade").toString());
        try {
            logIn("/", demo.adminToken(), "admin");
            String item = "section#next-game-days li[data-schedule='" + next + "']";
            String line = browser.awaitText("the next game day is listed with how far off it is",
                    By.cssSelector(item), PAGE, t -> t.contains("region-blackout")
                            && Pattern.compile("in (59 min|1 h)").matcher(t).find());
            assertThat(line).as("a fire inside the freeze").contains("will be blocked").contains(maintenance);
            browser.awaitText("the panel says a freeze is in force", By.cssSelector("section#next-game-days #freeze-now"),
                    PAGE, t -> t.contains(maintenance) && t.contains("database upgrade"));
            browser.awaitText("the blocked last fire of the paused schedule is highlighted",
                    By.cssSelector("section#next-game-days #game-day-alerts li[data-schedule='" + SCHEDULE + "']"),
                    PAGE, t -> t.contains("blocked") && t.contains(FREEZE));
        } finally {
            demo.api("DELETE", "/api/v1/schedules/" + next, null);
            demo.api("DELETE", "/api/v1/freeze-windows/" + maintenance, null);
        }
    }

    // ---- the UI ------------------------------------------------------------------------------------------------

    /** Opens {@code #<route>} in a fresh browser and logs in through the form as the token's user. */
    private static void logIn(String route, String token, String name) {
        browser.logIn(demo.base(), route, token, name);
    }

    // ---- the API, with a bearer token -------------------------------------------------------------------------------

    /** Creates a user and returns their first token. */
    private static String user(String name, String role) throws IOException, InterruptedException {
        JsonNode created = demo.api("POST", "/api/v1/users", JSON.createObjectNode().put("name", name).put("role", role)
                .toString());
        return created.path("token").path("token").asText();
    }
}
