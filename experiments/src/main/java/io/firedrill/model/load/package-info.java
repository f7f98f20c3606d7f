/**
 * Loading estates and experiments from YAML or JSON, with every problem reported at its line and column.
 *
 * <p>Flow: a {@link io.firedrill.model.load.Source} (file, classpath resource or request text) →
 * {@code YamlText} composes a SnakeYAML node tree (positions kept; JSON is YAML; no Java objects are
 * constructed from the text) → {@code Header} tells the kind → {@code EstateReader} or
 * {@code ExperimentReader}, which read the estate first (inline, or through an
 * {@link io.firedrill.model.load.EstateResolver}) so that {@code ProbeReader}, {@code MethodReader} and
 * {@code FaultTargetReader} can check references against it → a
 * {@link io.firedrill.model.load.Loaded} holding either the model or the sorted
 * {@link io.firedrill.model.load.Problem}s, never both.
 *
 * <p>Runbooks take a side path: {@code FrontMatter} cuts the YAML out of the Markdown, padded so that
 * positions stay those of the .md file, {@code RunbookSections} finds the body's section per step, and
 * {@code RunbookReader} checks the experiments against an {@link io.firedrill.model.load.ExperimentDirectory}
 * (the catalog unless the caller gives another) and the actions' targets against their estates.
 *
 * <p>Readers never stop at the first problem: {@code YamlNode} conversions report and return empty,
 * {@code YamlMap} remembers that a record cannot be built, and {@code Names} keeps declared names even
 * from broken elements so that one mistake does not cascade. The public entry point is
 * {@link io.firedrill.model.load.ModelLoader}; {@link io.firedrill.model.load.Catalog} lists the built-in
 * documents packaged under {@code catalog/}.
 */
package io.firedrill.model.load;
