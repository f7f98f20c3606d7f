package io.firedrill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The browser UI as a user meets it: {@code firedrill demo --no-runs} from the built distribution (an orchestrator on
 * H2, an agent per region, the H2 reference estate and the three catalog experiments) in its own process, driven
 * through headless chromium. Element ids and routes are those of the UI contract. Every test logs in through the
 * login form with the admin token the demo wrote; plain HTTP calls to the API carry it as a bearer token. Ordered: the
 * demo is shared, the run tests leave runs behind that the overview lists, and the HALT comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiIT {
    @RegisterExtension
    static final Browser browser = new Browser();
    @RegisterExtension
    static final DemoProcess demo = new DemoProcess("ui-it");

    /** A whole catalog run, preflight to verdict, takes some 30 s on the H2 estate. */
    private static final Duration RUN = Duration.ofSeconds(90);
    /** How long the page may take to show what the API already knows. */
    private static final Duration PAGE = Duration.ofSeconds(15);
    private static final Duration FAILBACK = Duration.ofMinutes(2);
    private static final Pattern VERDICT = Pattern.compile("\\b(PASS|FAIL|UNKNOWN)\\b");
    private static final Pattern RUN_ROUTE = Pattern.compile("#/runs/([^/?#]+)$");
    private static final Set<String> HELD = Set.of("pending", "applying", "active", "reverting");

    @Test
    @Order(1)
    void aWrongTokenIsRefusedTheAdminLogsInAndLogoutEndsTheSession() {
        browser.open(demo.base() + "/#/experiments");
        browser.awaitVisible("the login form", By.cssSelector("form#login"), PAGE);
        assertThat(browser.find(By.id("whoami")).filter(WebElement::isDisplayed)).as("#whoami before logging in")
                .isEmpty();

        browser.submitToken("fdt_not-a-token-anyone-issued");
        browser.awaitText("#error says the token was refused", By.id("error"), PAGE, t -> !t.isEmpty());
        assertThat(browser.find(By.cssSelector("form#login")).filter(WebElement::isDisplayed))
                .as("the login form after a wrong token (#error %s)", Browser.quote(browser.text(By.id("error"))))
                .isPresent();
        assertThat(browser.find(By.id("whoami")).filter(WebElement::isDisplayed)).as("#whoami after a wrong token")
                .isEmpty();

        browser.submitToken(demo.adminToken());
        browser.awaitText("#whoami names the admin", By.id("whoami"), PAGE, t -> t.contains("admin"));
        browser.awaitText("the page asked for before logging in opens", By.tagName("h1"), PAGE,
                t -> t.startsWith("Experiments"));
        assertThat(browser.find(By.cssSelector("form#login"))).as("the login form once logged in").isEmpty();

        browser.awaitVisible("the Log out button", By.id("logout"), PAGE).click();
        browser.awaitVisible("the login form after logging out", By.cssSelector("form#login"), PAGE);
        browser.await("#whoami goes away after logging out", PAGE,
                () -> browser.find(By.id("whoami")).filter(WebElement::isDisplayed).isEmpty(),
                () -> "#whoami " + Browser.quote(browser.text(By.id("whoami"))));
        // The cookie is gone too: a fresh load of the page asks to log in again.
        browser.open(demo.base() + "/#/");
        browser.awaitVisible("the login form on reloading after logging out", By.cssSelector("form#login"), PAGE);
    }

    @Test
    @Order(2)
    void theOverviewListsBothAgentsOnline() {
        logIn("/");

        browser.awaitText("the page heading names the overview", By.tagName("h1"), PAGE,
                t -> t.startsWith("Overview"));
        for (String region : List.of("eu-west", "us-east")) {
            By status = By.cssSelector("section#agents tr[data-region='" + region + "'] td.status");
            browser.awaitText("the agent of " + region + " is listed online", status, PAGE, "online"::equals);
        }
    }

    @Test
    @Order(3)
    void aRunStartedFromTheCatalogIsFollowedLiveToItsVerdictAndListedOnTheOverview() throws Exception {
        demo.failBack(FAILBACK);
        logIn("/experiments");
        String id = startRunFromExperiments("region-blackout");

        // Watch the run as it happens: the states it passes through and the chart's point count while in flight.
        Set<String> states = new LinkedHashSet<>();
        List<Long> pointsInFlight = new ArrayList<>();
        String end = browser.await("#run-state reaches DONE or ABORTED", RUN, () -> {
            String state = browser.text(By.id("run-state"));
            long points = points();
            if (state != null && !state.isEmpty()) {
                states.add(state);
            }
            if (terminal(state)) {
                return state;
            }
            if (points > 0 && (pointsInFlight.isEmpty() || points != pointsInFlight.get(pointsInFlight.size() - 1))) {
                pointsInFlight.add(points);
            }
            return null;
        }, () -> "states " + states + ", #chart data-points while in flight " + pointsInFlight);

        JsonNode run = demo.api("GET", "/api/v1/runs/" + id, null).path("run");
        assertThat(end).as("#run-state at the end (states seen %s); the API has %s", states, run)
                .containsPattern("\\bDONE\\b");
        assertThat(states).as("#run-state passes through the fault").anyMatch(s -> s.matches("(?s).*\\b(INJECT|OBSERVE)\\b.*"));
        assertThat(pointsInFlight).as("#chart data-points while the run was in flight (states %s)", states)
                .isNotEmpty();
        assertThat(pointsInFlight.get(pointsInFlight.size() - 1))
                .as("#chart data-points keep growing while the run is in flight: %s", pointsInFlight)
                .isGreaterThan(pointsInFlight.get(0));
        browser.await("#chart still shows the finished run's points", PAGE, () -> points() > 0,
                () -> "#chart data-points " + Browser.quote(browser.attribute(By.id("chart"), "data-points")));

        String verdict = run.path("verdict").asText();
        assertThat(verdict).as("the API's verdict of run %s: %s", id, run).matches("PASS|FAIL|UNKNOWN");
        browser.awaitText("#run-verdict shows the run's verdict " + verdict, By.id("run-verdict"), PAGE,
                t -> t.contains(verdict));
        String rto = "table#objectives tr[data-objective='rto'] ";
        browser.awaitText("the RTO row shows a verdict", By.cssSelector(rto + "td.verdict"), PAGE,
                t -> VERDICT.matcher(t).find());
        browser.awaitText("the RTO row shows the measured value with its error bound",
                By.cssSelector(rto + "td.measured"), PAGE, t -> t.contains("±"));
        browser.awaitAnyText("the event log shows the fault injected", By.cssSelector("ol#events li.fault-inject"), PAGE,
                t -> t.contains("blackout-eu-west"));
        browser.awaitAnyText("the event log shows the fault reverted", By.cssSelector("ol#events li.fault-revert"), PAGE,
                t -> t.contains("blackout-eu-west"));

        // Back to the overview, as a user would: the run is among the recent ones, with its verdict.
        browser.awaitVisible("the navigation link to the overview", By.id("nav-overview"), PAGE).click();
        String row = "section#recent-runs tr[data-run-id='" + id + "'] ";
        browser.awaitText("the overview lists run " + id + " among the recent runs with verdict " + verdict,
                By.cssSelector(row + "td.verdict"), PAGE, t -> t.contains(verdict));
        browser.awaitText("the row says who started the run", By.cssSelector(row + "td.created"), PAGE,
                t -> t.contains("by admin"));
        By link = By.cssSelector(row + "a");
        browser.await("the recent run's row links to the run page", PAGE, () -> {
            String href = browser.attribute(link, "href");
            return href != null && href.endsWith("#/runs/" + id);
        }, () -> "link " + Browser.quote(browser.attribute(link, "href")));

        // The run's report, as an auditor opens it from the run page: every section and the timeline chart.
        browser.open(demo.base() + "/#/runs/" + id);
        By html = By.cssSelector("a[data-report='html']");
        browser.awaitVisible("the run page's link to its HTML report", html, PAGE);
        String href = browser.attribute(html, "href");
        assertThat(href).as("the HTML report's link").endsWith("api/v1/runs/" + id + "/report?format=html");
        browser.open(href.startsWith("http") ? href : demo.base() + (href.startsWith("/") ? "" : "/") + href);
        browser.awaitText("the report names the run", By.tagName("body"), PAGE, t -> t.contains(id));
        assertThat(browser.texts(By.tagName("h2"))).as("the report's sections").contains("7. Results vs objectives",
                "12. Evidence integrity");
        assertThat(browser.findAll(By.cssSelector("svg"))).as("the timeline chart").isNotEmpty();
        browser.saveEvidence("UiIT-report");
    }

    @Test
    @Order(4)
    void abortingARunRevertsItsFault() throws Exception {
        demo.failBack(FAILBACK);
        logIn("/experiments");
        String id = startRunFromExperiments("link-partition");

        // OBSERVE: every fault of the method is in, so the abort has one to revert.
        browser.awaitText("#run-state reaches OBSERVE (the partition applied)", By.id("run-state"), RUN,
                t -> t.matches("(?s).*\\b(OBSERVE)\\b.*") || terminal(t));
        assertThat(browser.text(By.id("run-state"))).as("the run ended before it could be aborted")
                .doesNotContainPattern("\\b(DONE|ABORTED)\\b");
        browser.awaitVisible("the Abort run button", By.id("abort"), PAGE).click();
        browser.awaitVisible("the confirmation dialog", By.cssSelector("dialog#confirm"), PAGE);
        browser.awaitVisible("the confirm button", By.cssSelector("dialog#confirm button#confirm-yes"), PAGE).click();

        browser.awaitText("#run-state becomes ABORTED", By.id("run-state"), Duration.ofSeconds(60),
                t -> t.matches("(?s).*\\bABORTED\\b.*"));
        browser.awaitAnyText("the event log shows the partition reverted", By.cssSelector("ol#events li.fault-revert"),
                PAGE, t -> t.contains("partition-regions"));
        browser.await("the Abort run button goes away (or is disabled) once the run has ended", PAGE,
                () -> browser.find(By.id("abort")).filter(b -> b.isDisplayed() && b.isEnabled()).isEmpty(),
                () -> "#abort still displayed and enabled");

        JsonNode run = demo.api("GET", "/api/v1/runs/" + id, null).path("run");
        assertThat(run.path("state").asText()).as("run %s as the API has it", id).isEqualTo("ABORTED");
        assertNoFaultHeld("the abort");
    }

    @Test
    @Order(5)
    void theEditorPointsAtAnInvalidValueAndClearsOnceItIsFixed() {
        logIn("/experiments");
        browser.awaitVisible("the Edit button of region-blackout", By.cssSelector("button[data-edit='region-blackout']"),
                PAGE).click();
        By yaml = By.id("experiment-yaml");
        WebElement editor = browser.awaitVisible("the YAML editor", yaml, PAGE);
        browser.await("the editor holds region-blackout's source", PAGE, () -> value(editor).contains(
                "name: region-blackout") && value(editor).contains("duration: 6s"),
                () -> "editor value " + Browser.quote(abbreviate(value(editor))));

        replaceInEditor(editor, "duration: 6s", "6s", "soon");
        int line = lineOf(value(editor), "duration: soon");
        String problem = browser.awaitText("#problems lists the bad duration on line " + line,
                By.cssSelector("ul#problems li"), PAGE, t -> t.startsWith("line ") && t.contains("duration"));
        assertThat(problem).as("the problem names where it is").startsWith("line " + line + ",");
        assertThat(browser.text(By.id("validation-status"))).as("#validation-status with a problem listed")
                .doesNotMatch("(?i)\\s*valid\\s*");

        replaceInEditor(editor, "duration: soon", "soon", "6s");
        browser.awaitText("#validation-status says valid once fixed", By.id("validation-status"), PAGE,
                t -> t.matches("(?is).*\\bvalid\\b.*") && !t.toLowerCase().contains("not valid"));
        browser.await("#problems empties once fixed", PAGE, () -> browser.findAll(By.cssSelector("ul#problems li"))
                .isEmpty(), () -> "#problems items " + browser.findAll(By.cssSelector("ul#problems li")).stream()
                .map(WebElement::getText).toList());
    }

    @Test
    @Order(6)
    void haltDuringARunAbortsItRevertsEveryFaultAndHoldsUntilResumed() throws Exception {
        demo.failBack(FAILBACK);
        logIn("/experiments");
        String id = startRunFromExperiments("region-blackout");
        browser.awaitText("#run-state reaches OBSERVE (the blackout applied)", By.id("run-state"), RUN,
                t -> t.matches("(?s).*\\bOBSERVE\\b.*") || terminal(t));
        assertThat(browser.text(By.id("run-state"))).as("the run ended before the HALT")
                .doesNotContainPattern("\\b(DONE|ABORTED)\\b");

        String reason = "ui-it: game day stopped from the browser";
        browser.awaitVisible("the HALT button in the header", By.id("halt"), PAGE).click();
        browser.awaitVisible("the HALT confirmation", By.cssSelector("dialog#halt-confirm"), PAGE);
        browser.awaitVisible("the HALT reason field", By.cssSelector("dialog#halt-confirm input#halt-reason"), PAGE)
                .sendKeys(reason);
        browser.awaitVisible("the HALT everything button", By.cssSelector("dialog#halt-confirm button#halt-yes"),
                PAGE).click();

        browser.awaitText("#run-state becomes ABORTED", By.id("run-state"), Duration.ofSeconds(60),
                t -> t.matches("(?s).*\\bABORTED\\b.*"));
        browser.awaitAnyText("the event log shows the blackout reverted", By.cssSelector("ol#events li.fault-revert"),
                PAGE, t -> t.contains("blackout-eu-west"));
        browser.awaitText("#halt-result lists each agent's confirmation", By.id("halt-result"), PAGE,
                t -> t.contains("eu-west") && t.contains("us-east"));
        String banner = browser.awaitText("#halt-banner says a HALT is in force", By.id("halt-banner"), PAGE,
                t -> t.contains("HALT") && t.contains(reason));
        assertThat(banner).as("#halt-banner names who halted").contains("admin");
        browser.saveEvidence("UiIT-haltDuringARun-halted");

        assertThat(demo.api("GET", "/api/v1/runs/" + id, null).path("run").path("state").asText())
                .as("run %s as the API has it", id)
                .isEqualTo("ABORTED");
        assertNoFaultHeld("the HALT");
        JsonNode halt = demo.api("GET", "/api/v1/halt", null);
        assertThat(halt.path("halted").asBoolean()).as("GET /api/v1/halt after the HALT: %s", halt).isTrue();
        assertThat(halt.path("halt").path("reason").asText()).as("the HALT's recorded reason").isEqualTo(reason);

        browser.awaitVisible("the banner's Resume button (admin)", By.cssSelector("#halt-banner button#halt-resume"),
                PAGE).click();
        browser.await("#halt-banner goes away once resumed", PAGE,
                () -> browser.find(By.id("halt-banner")).filter(WebElement::isDisplayed).isEmpty(),
                () -> "#halt-banner " + Browser.quote(browser.text(By.id("halt-banner"))) + ", #error "
                        + Browser.quote(browser.text(By.id("error"))));
        JsonNode resumed = demo.api("GET", "/api/v1/halt", null);
        assertThat(resumed.path("halted").asBoolean()).as("GET /api/v1/halt after Resume: %s", resumed).isFalse();
    }

    // ---- the UI ------------------------------------------------------------------------------------------------

    /**
     * Opens {@code #<route>} in a fresh browser, which shows the login form first; logs in there with the admin token
     * and waits until the header names the admin.
     */
    private static void logIn(String route) {
        browser.logIn(demo.base(), route, demo.adminToken(), "admin");
    }

    /** On {@code #/experiments}, clicks an experiment's Start run button and returns the id of the run it opens. */
    private static String startRunFromExperiments(String experiment) {
        browser.awaitVisible("the Start run button of " + experiment,
                By.cssSelector("section#experiment-list button[data-start='" + experiment + "']"), PAGE).click();
        String url = browser.await("the page moves to the new run (#/runs/<id>)", PAGE,
                () -> RUN_ROUTE.matcher(browser.currentUrl()).find() ? browser.currentUrl() : null,
                () -> "url " + browser.currentUrl() + ", #error " + Browser.quote(browser.text(By.id("error"))));
        Matcher m = RUN_ROUTE.matcher(url);
        assertThat(m.find()).isTrue();
        browser.awaitText("the run page's heading", By.tagName("h1"), PAGE, t -> t.startsWith("Run"));
        return m.group(1);
    }

    /** {@code #chart}'s {@code data-points}, 0 while absent. */
    private static long points() {
        String points = browser.attribute(By.id("chart"), "data-points");
        try {
            return points == null ? 0 : Long.parseLong(points.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean terminal(String state) {
        return state != null && state.matches("(?s).*\\b(DONE|ABORTED)\\b.*");
    }

    private static String value(WebElement textarea) {
        String v = textarea.getDomProperty("value");
        return v == null ? "" : v;
    }

    /**
     * Edits the editor as a user does: selects {@code old} where it stands inside {@code context} and types
     * {@code replacement} over it (real key events, so the page's own input handling runs).
     */
    private static void replaceInEditor(WebElement editor, String context, String old, String replacement) {
        String text = value(editor);
        int at = text.indexOf(context);
        assertThat(at).as("the editor contains '%s'", context).isNotNegative();
        int start = at + context.indexOf(old);
        browser.script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", editor,
                start, start + old.length());
        new Actions(browser.driver()).sendKeys(replacement).perform();
        browser.await("the editor shows the edit '" + context.replace(old, replacement) + "'", PAGE,
                () -> value(editor).contains(context.replace(old, replacement)),
                () -> "editor value " + Browser.quote(abbreviate(value(editor))));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("the editor contains '%s'", needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    // ---- the processes behind it, through HTTP ----------------------------------------------------------------------

    private static void assertNoFaultHeld(String after) throws IOException, InterruptedException {
        JsonNode faults = demo.api("GET", "/api/v1/faults", null);
        List<String> held = new ArrayList<>();
        faults.forEach(f -> {
            if (HELD.contains(f.path("state").asText())) {
                held.add(f.path("id").asText() + " " + f.path("fault").asText() + " " + f.path("state").asText());
            }
        });
        assertThat(held).as("faults still held after %s: GET /api/v1/faults = %s", after, faults).isEmpty();
    }
}
