package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.load.EstateResolver.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateResolverTest {
    @TempDir
    Path dir;

    private Source experimentIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("experiment.yaml");
        Files.writeString(file, "kind: Experiment\n");
        return Source.file(file);
    }

    @Test
    void findsTheEstateNextToTheExperimentFileBeforeTheCatalog() throws IOException {
        Source from = experimentIn(dir);
        Files.writeString(dir.resolve("reference-estate.yaml"), "kind: Estate\n");

        Resolution r = EstateResolver.standard().resolve("reference-estate.yaml", from);

        assertThat(r).isInstanceOfSatisfying(Resolution.Found.class,
                f -> assertThat(f.source().text()).isEqualTo("kind: Estate\n"));
    }

    @Test
    void fallsBackToTheCatalogWhenNoFileIsThere() throws IOException {
        Resolution r = EstateResolver.standard().resolve("reference-estate.yaml", experimentIn(dir));

        assertThat(r).isInstanceOfSatisfying(Resolution.Found.class,
                f -> assertThat(f.source().name()).isEqualTo("catalog/reference-estate.yaml"));
    }

    @Test
    void listsEverythingItTriedWhenNothingIsFound() throws IOException {
        Source from = experimentIn(dir);

        Resolution r = EstateResolver.standard().resolve("nope.yaml", from);

        assertThat(r).isEqualTo(new Resolution.NotFound(
                List.of("file " + dir.resolve("nope.yaml"), "classpath catalog/nope.yaml")));
    }

    @Test
    void refusesFilesOutsideTheFolderItIsConfinedTo() throws IOException {
        Source from = experimentIn(dir.resolve("experiments"));
        Files.writeString(dir.resolve("secret.yaml"), "kind: Estate\n");

        Resolution r = FileEstateResolver.within(dir.resolve("experiments")).resolve("../secret.yaml", from);

        assertThat(r).isEqualTo(new Resolution.Unreadable(
                "file " + dir.resolve("secret.yaml") + " is outside " + dir.resolve("experiments")));
    }

    @Test
    void neverClimbsOutOfTheCatalogFolderOnTheClasspath() {
        Resolution r = ClasspathEstateResolver.catalog().resolve("../broken/estate-references.yaml",
                Source.text("api-request.yaml", "kind: Experiment\n"));

        assertThat(r).isEqualTo(new Resolution.NotFound(List.of()));
    }

    @Test
    void reportsAFileThatExistsButCannotBeReadWithoutTryingFurther() throws IOException {
        Source from = experimentIn(dir);
        Files.createDirectory(dir.resolve("estate.yaml"));

        Resolution r = EstateResolver.standard().resolve("estate.yaml", from);

        assertThat(r).isInstanceOfSatisfying(Resolution.Unreadable.class,
                u -> assertThat(u.reason()).startsWith("cannot read file " + dir.resolve("estate.yaml")));
    }
}
