package io.firedrill.estate.router;

import static io.firedrill.estate.router.EstateFixture.join;

import io.vertx.core.Vertx;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Vert.x for a test class, and the fixture estate of the test, stopped after it. */
abstract class RouterTestBase {
    static Vertx vertx;
    EstateFixture estate;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        join(vertx.close());
    }

    @AfterEach
    void stopEstate() {
        if (estate != null) {
            estate.close();
        }
    }

    void start(UnaryOperator<GlobalRouterConfig> tune) {
        estate = EstateFixture.start(vertx, tune);
    }
}
