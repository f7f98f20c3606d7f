package io.firedrill.agent.proxy;

/**
 * One kind of toxic: how it checks its attributes and what it does to the data of a link.
 *
 * <p>A toxic holds no per-connection state; {@link #stage} makes a fresh {@link Stage} for each link the toxic
 * acts on (after its toxicity roll succeeded), and that stage keeps whatever the link needs: queued chunks,
 * timers, bytes counted so far. Implementations are listed in {@link Toxics}.
 */
interface Toxic {
    /**
     * Refuses bad attributes with a {@link ProxyException} 400 whose message names the attribute, the value
     * and what is expected.
     */
    void validate(ToxicSpec spec);

    Stage stage(ToxicSpec spec, LinkContext link);
}
