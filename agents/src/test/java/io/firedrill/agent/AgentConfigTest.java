package io.firedrill.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTokenTrimmed() throws Exception {
        Path file = Files.writeString(dir.resolve("eu-west.token"), "  s3cret-token\n");

        assertThat(AgentConfig.readToken(file)).isEqualTo("s3cret-token");
    }

    @Test
    void namesTheMissingTokenFile() {
        Path file = dir.resolve("nope.token");

        assertThatThrownBy(() -> AgentConfig.readToken(file))
                .hasMessage("token file " + file.toAbsolutePath() + " does not exist");
    }

    @Test
    void namesTheEmptyTokenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("eu-west.token"), " \n");

        assertThatThrownBy(() -> AgentConfig.readToken(file))
                .hasMessage("token file " + file.toAbsolutePath() + " is empty");
    }

    @Test
    void rejectsARegionNameWithCapitals() {
        assertThatThrownBy(() -> AgentConfig.of("EU_West", URI.create("ws://127.0.0.1:8080"), "t", "1"))
                .hasMessageContaining("region 'EU_West' is not valid");
    }

    @Test
    void rejectsAnHttpOrchestratorUri() {
        assertThatThrownBy(() -> AgentConfig.of("eu-west", URI.create("http://127.0.0.1:8080"), "t", "1"))
                .hasMessageContaining("expected ws://host:port");
    }

    @Test
    void allowsTwentySecondsOfOrchestratorSilenceByDefault() {
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:8080"), "t", "1");

        assertThat(config.orchestratorSilenceLimit()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.withOrchestratorSilenceLimit(Duration.ofSeconds(45)).orchestratorSilenceLimit())
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void rejectsASilenceLimitThatIsNotPositive() {
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:8080"), "t", "1");

        assertThatThrownBy(() -> config.withOrchestratorSilenceLimit(Duration.ZERO))
                .hasMessage("orchestrator silence limit must be positive, was PT0S");
    }

    @Test
    void dialsTheConnectPathUnderTheOrchestratorUri() {
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:8080/"), "t", "1");

        assertThat(config.connectUri()).isEqualTo(URI.create("ws://127.0.0.1:8080/api/v1/agents/connect"));
    }

    @Test
    void neverShowsTheTokenInItsDescription() {
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:8080"), "s3cret-token", "1");

        assertThat(config.toString()).doesNotContain("s3cret-token").contains("eu-west");
    }

    @Test
    void givesEachConfigItsOwnAgentId() {
        URI uri = URI.create("ws://127.0.0.1:8080");

        assertThat(AgentConfig.of("eu-west", uri, "t", "1").agentId())
                .isNotEqualTo(AgentConfig.of("eu-west", uri, "t", "1").agentId());
    }
}
