package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ExperimentStore} shows, whatever the database. */
abstract class ExperimentStoreContract extends StoreContract {

    private static final String SOURCE = "name: eu-blackout\ntitle: \"Blackout of eu-west — ünïcode\"\nmethod: []\n";

    @Test
    void createdExperimentIsFoundByNameAsSubmitted() {
        StoredExperiment created = db.experiments().create("eu-blackout", "Blackout of eu-west", "yaml", SOURCE);

        assertThat(created).isEqualTo(new StoredExperiment(
                "eu-blackout", "Blackout of eu-west", "yaml", SOURCE, NOW_IN_MICROS, NOW_IN_MICROS));
        assertThat(db.experiments().find("eu-blackout")).contains(created);
    }

    @Test
    void findOfAnUnknownNameIsEmpty() {
        assertThat(db.experiments().find("nope")).isEmpty();
    }

    @Test
    void listIsOrderedByName() {
        db.experiments().create("zeta", "Z", "yaml", SOURCE);
        db.experiments().create("alpha", "A", "json", "{}");
        db.experiments().create("mid", null, "yaml", SOURCE);

        assertThat(db.experiments().list()).extracting(StoredExperiment::name).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void deleteRemovesTheExperimentAndSaysWhetherThereWasOne() {
        db.experiments().create("eu-blackout", "t", "yaml", SOURCE);

        assertThat(db.experiments().delete("eu-blackout")).isTrue();
        assertThat(db.experiments().delete("eu-blackout")).isFalse();
        assertThat(db.experiments().find("eu-blackout")).isEmpty();
        assertThat(db.experiments().list()).isEmpty();
    }

    @Test
    void replaceKeepsCreatedAtAndMovesUpdatedAt() {
        db.experiments().create("eu-blackout", "Blackout of eu-west", "yaml", SOURCE);
        Instant later = NOW.plusSeconds(90);
        Database laterDb = reopen(Clock.fixed(later, ZoneOffset.UTC));

        assertThat(laterDb.experiments().replace("eu-blackout", "Longer blackout", "json", "{}")).isTrue();

        assertThat(laterDb.experiments().find("eu-blackout")).contains(new StoredExperiment("eu-blackout",
                "Longer blackout", "json", "{}", NOW_IN_MICROS, later.truncatedTo(ChronoUnit.MICROS)));
    }

    @Test
    void replaceCanClearTheTitle() {
        db.experiments().create("eu-blackout", "Blackout of eu-west", "yaml", SOURCE);

        assertThat(db.experiments().replace("eu-blackout", null, "yaml", SOURCE)).isTrue();

        assertThat(db.experiments().find("eu-blackout")).get().extracting(StoredExperiment::title).isNull();
    }

    @Test
    void replaceOfAnUnknownNameIsFalseAndStoresNothing() {
        StoredExperiment other = db.experiments().create("other", "t", "yaml", SOURCE);

        assertThat(db.experiments().replace("eu-blackout", "t", "yaml", SOURCE)).isFalse();

        assertThat(db.experiments().list()).containsExactly(other);
    }

    @Test
    void duplicateNameIsRefusedAndTheFirstStaysIntact() {
        StoredExperiment first = db.experiments().create("eu-blackout", "first", "yaml", SOURCE);

        assertThatThrownBy(() -> db.experiments().create("eu-blackout", "second", "json", "{}"))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("an experiment named 'eu-blackout' already exists; delete it first or choose another name");
        assertThat(db.experiments().find("eu-blackout")).contains(first);
        assertThat(db.experiments().list()).containsExactly(first);
    }

    @Test
    void storeIsUsableAfterARefusedDuplicate() {
        db.experiments().create("a", "t", "yaml", SOURCE);
        assertThatThrownBy(() -> db.experiments().create("a", "t", "yaml", SOURCE)).isInstanceOf(DuplicateException.class);

        db.experiments().create("b", "t", "yaml", SOURCE);

        assertThat(db.experiments().list()).extracting(StoredExperiment::name).containsExactly("a", "b");
    }

    @Test
    void keepsLargeSourcesWhole() {
        String large = "# " + "x".repeat(300_000) + "\n";

        db.experiments().create("large", "t", "yaml", large);

        assertThat(db.experiments().find("large")).get().extracting(StoredExperiment::source).isEqualTo(large);
    }

    @Test
    void blankNameIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> db.experiments().create(" ", "t", "yaml", SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("experiment name is required and must not be blank");
        assertThat(db.experiments().list()).isEqualTo(List.of());
    }
}
