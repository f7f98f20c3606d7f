package io.firedrill.agent.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The toxics of one link in insertion order, and the stages of those that apply to it. A toxic whose toxicity
 * roll failed keeps its place but has no stage, so the link can still take its fast path.
 *
 * <p>Until {@link #start} only the toxics are tracked: rolls happen when the link starts, and for a toxic added
 * later, when it is added.
 */
final class Chain {
    /** A toxic of the link's stream; {@code stage} is null while its roll says it does not apply. */
    private static final class Slot {
        ToxicSpec spec;
        Stage stage;

        Slot(ToxicSpec spec) {
            this.spec = spec;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final RandomGenerator roller;
    private LinkContext link;
    private Output tail;
    private Stage head;

    /** @param roller the proxy's generator, shared across event loops, used only for toxicity rolls */
    Chain(List<ToxicSpec> toxics, RandomGenerator roller) {
        this.roller = roller;
        toxics.forEach(t -> slots.add(new Slot(t)));
    }

    /** The first stage that applies, or null when data may bypass the chain. */
    Stage head() {
        return head;
    }

    void start(LinkContext link, Output tail) {
        this.link = link;
        this.tail = tail;
        slots.forEach(this::roll);
        relink();
    }

    private boolean started() {
        return link != null;
    }

    void add(ToxicSpec spec) {
        Slot slot = new Slot(spec);
        slots.add(slot);
        if (started()) {
            roll(slot);
            relink();
        }
    }

    /** New attributes for a toxic; a changed toxicity is rolled again. */
    void update(ToxicSpec spec, boolean toxicityChanged) {
        Slot slot = find(spec.name());
        if (slot == null) {
            return;
        }
        slot.spec = spec;
        if (!started()) {
            return;
        }
        Stage old = slot.stage;
        if (toxicityChanged) {
            roll(slot);
        }
        if (old != null && slot.stage != null) {
            slot.stage = old;
            old.update(spec);
        } else if (old != null) {
            relink();
            old.detach();
        } else if (slot.stage != null) {
            relink();
        }
    }

    /** Removes a toxic; returns true if it had a stage, which has handed on what it held. */
    boolean remove(String name) {
        Slot slot = find(name);
        if (slot == null) {
            return false;
        }
        slots.remove(slot);
        if (slot.stage == null) {
            return false;
        }
        // Rewire first: what the stage still holds goes to its old successor now, ahead of anything the stages
        // before it release later.
        relink();
        slot.stage.detach();
        return true;
    }

    void dispose() {
        for (Slot slot : slots) {
            if (slot.stage != null) {
                slot.stage.dispose();
            }
        }
        head = null;
    }

    private Slot find(String name) {
        for (Slot s : slots) {
            if (s.spec.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private void roll(Slot slot) {
        double toxicity = slot.spec.toxicity();
        boolean applies;
        if (toxicity >= 1) {
            applies = true;
        } else if (toxicity <= 0) {
            applies = false;
        } else {
            synchronized (roller) {
                applies = roller.nextDouble() < toxicity;
            }
        }
        slot.stage = applies ? Toxics.of(slot.spec.type()).stage(slot.spec, link) : null;
    }

    private void relink() {
        Output after = tail;
        for (int i = slots.size() - 1; i >= 0; i--) {
            Stage stage = slots.get(i).stage;
            if (stage != null) {
                stage.next(after);
                after = stage;
            }
        }
        head = after == tail ? null : (Stage) after;
    }
}
