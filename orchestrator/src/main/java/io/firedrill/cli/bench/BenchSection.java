package io.firedrill.cli.bench;

import java.util.List;

/**
 * One part of {@code firedrill bench proxy}: it measures its figures on direct loopback and through the proxy
 * under test, records them and judges its targets. A new section is one more class listed in
 * {@link ProxyBenchCommand#SECTIONS}; everything it needs (the proxy process, the loopback servers, the plan,
 * progress output) comes in the {@link BenchContext}.
 */
interface BenchSection {
    /** The name {@code --only} selects it by, e.g. {@code no-toxics}. */
    String name();

    /** One line saying what it measures. */
    String title();

    /** The targets it judges, worded as printed; those it does not reach are reported UNKNOWN. */
    List<String> targets();

    /**
     * Measures and judges. Throwing ends the section: figures already recorded are kept and the targets not
     * judged yet become UNKNOWN with the exception's message.
     */
    void run(BenchContext context, SectionReport report) throws Exception;
}
