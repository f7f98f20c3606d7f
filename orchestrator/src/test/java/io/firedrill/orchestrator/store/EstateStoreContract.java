package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EstateStore} shows, whatever the database. */
abstract class EstateStoreContract extends StoreContract {

    private static final String SOURCE = "apiVersion: firedrill/v1\nkind: Estate\nname: payments-prod\n"
            + "description: \"Zahlungen — ünïcode\"\nregions: [{name: eu-central, role: primary}]\n";
    private static final String JSON = "{\"apiVersion\": \"firedrill/v1\", \"kind\": \"Estate\", \"name\": \"payments-prod\"}";

    @Test
    void createdEstateIsFoundByNameAsSubmitted() {
        StoredEstate created = db.estates().create("payments-prod", "yaml", SOURCE);

        assertThat(created).isEqualTo(new StoredEstate("payments-prod", "yaml", SOURCE, NOW_IN_MICROS, NOW_IN_MICROS));
        assertThat(db.estates().find("payments-prod")).contains(created);
    }

    @Test
    void findOfAnUnknownNameIsEmpty() {
        assertThat(db.estates().find("nope")).isEmpty();
    }

    @Test
    void listIsOrderedByName() {
        db.estates().create("zeta", "yaml", SOURCE);
        db.estates().create("alpha", "json", JSON);
        db.estates().create("mid", "yaml", SOURCE);

        assertThat(db.estates().list()).extracting(StoredEstate::name).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void duplicateNameIsRefusedAndTheFirstStaysIntact() {
        StoredEstate first = db.estates().create("payments-prod", "yaml", SOURCE);

        assertThatThrownBy(() -> db.estates().create("payments-prod", "json", JSON))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("an estate named 'payments-prod' already exists; replace it, delete it first or choose another name");
        assertThat(db.estates().list()).containsExactly(first);
    }

    @Test
    void replaceKeepsCreatedAtAndMovesUpdatedAt() {
        db.estates().create("payments-prod", "yaml", SOURCE);
        Instant later = NOW.plusSeconds(90);
        Database laterDb = reopen(Clock.fixed(later, ZoneOffset.UTC));

        assertThat(laterDb.estates().replace("payments-prod", "json", JSON)).isTrue();

        assertThat(laterDb.estates().find("payments-prod")).contains(new StoredEstate(
                "payments-prod", "json", JSON, NOW_IN_MICROS, later.truncatedTo(ChronoUnit.MICROS)));
    }

    @Test
    void replaceOfAnUnknownNameIsFalseAndStoresNothing() {
        assertThat(db.estates().replace("nope", "yaml", SOURCE)).isFalse();
        assertThat(db.estates().list()).isEmpty();
    }

    @Test
    void replaceTouchesOnlyTheNamedEstate() {
        StoredEstate other = db.estates().create("other", "yaml", SOURCE);
        db.estates().create("payments-prod", "yaml", SOURCE);

        db.estates().replace("payments-prod", "json", JSON);

        assertThat(db.estates().find("other")).contains(other);
    }

    @Test
    void deleteRemovesTheEstateAndSaysWhetherThereWasOne() {
        db.estates().create("payments-prod", "yaml", SOURCE);

        assertThat(db.estates().delete("payments-prod")).isTrue();
        assertThat(db.estates().delete("payments-prod")).isFalse();
        assertThat(db.estates().find("payments-prod")).isEmpty();
    }

    @Test
    void keepsLargeSourcesWhole() {
        String large = SOURCE + "# " + "x".repeat(300_000) + "\n";

        db.estates().create("large", "yaml", large);
        db.estates().replace("large", "yaml", large + "# again\n");

        assertThat(db.estates().find("large")).get().extracting(StoredEstate::source).isEqualTo(large + "# again\n");
    }

    @Test
    void blankNameIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> db.estates().create(" ", "yaml", SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estate name is required and must not be blank");
        assertThat(db.estates().list()).isEmpty();
    }

    @Test
    void survivesARestart() {
        StoredEstate created = db.estates().create("payments-prod", "yaml", SOURCE);

        assertThat(reopen().estates().find("payments-prod")).contains(created);
    }
}
