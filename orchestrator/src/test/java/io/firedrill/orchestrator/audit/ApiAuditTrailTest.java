package io.firedrill.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAuditTrailTest {

    @ParameterizedTest
    @CsvSource({
        "POST,   /api/v1/halt,                                   halt,                 halt",
        "POST,   /api/v1/halt/resume,                            halt.resume,          halt",
        "POST,   /api/v1/users,                                  user.create,          user",
        "POST,   /api/v1/users/alice/tokens,                     user.token.create,    alice",
        "DELETE, /api/v1/tokens/t-1a2b,                          token.delete,         t-1a2b",
        "DELETE, /api/v1/me/tokens/t-1a2b,                       me.token.delete,      t-1a2b",
        "POST,   /api/v1/runs,                                   run.create,           run",
        "POST,   /api/v1/runs/r-mwy-3/abort,                     run.abort,            r-mwy-3",
        "POST,   /api/v1/runs/r-mwy-3/steps/decide/complete,     run.step.complete,    r-mwy-3/decide",
        "POST,   /api/v1/approvals/a-9f/approve,                 approval.approve,     a-9f",
        "POST,   /api/v1/schedules/tuesday-blackout/pause,       schedule.pause,       tuesday-blackout",
        "PUT,    /api/v1/experiments/region-blackout,            experiment.replace,   region-blackout",
        "DELETE, /api/v1/freeze-windows/weekend,                 freeze-window.delete, weekend",
        "POST,   /api/v1/gamedays/q4-drill/runs,                 gameday.run.create,   q4-drill",
        "POST,   /api/v1/runs/r-1/findings/f-2/actions,          run.finding.action.create, r-1/f-2",
        "POST,   /api/v1/runs/r-1/sign-off,                      run.sign-off,         r-1",
    })
    void namesWhatWasDoneAndToWhat(String method, String path, String action, String subject) {
        ApiAuditTrail.Entry e = ApiAuditTrail.describe(HttpMethod.valueOf(method), path);

        assertThat(e.action()).isEqualTo(action);
        assertThat(e.subject()).isEqualTo(subject);
    }
}
