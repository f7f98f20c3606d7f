package io.firedrill.model.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared names of one kind (regions, links, probes, ...), for duplicate and cross-reference checks.
 * Names are collected from the {@code name} field even when the rest of the element is broken, so one
 * mistake does not cascade into "unknown region" problems everywhere it is referenced.
 */
final class Names {
    private final String what;
    private final boolean open;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private Names(String what, boolean open) {
        this.what = what;
        this.open = open;
    }

    static Names of(String what) {
        return new Names(what, false);
    }

    /** Accepts every reference: for an estate that could not be read, whose names are unknown. */
    static Names open(String what) {
        return new Names(what, true);
    }

    /** Records {@code name} declared at {@code at}; false (with a problem) when it is a duplicate. */
    boolean declare(YamlNode at, String name) {
        Integer first = lines.putIfAbsent(name, at.line());
        if (first != null) {
            at.problem("duplicate " + what + " '" + name + "'; first defined at line " + first);
            return false;
        }
        return true;
    }

    /** Records a name known from an estate already read, which has no position in this document. */
    void add(String name) {
        lines.putIfAbsent(name, 0);
    }

    boolean has(String name) {
        return open || lines.containsKey(name);
    }

    boolean isOpen() {
        return open;
    }

    List<String> all() {
        return new ArrayList<>(lines.keySet());
    }

    /** True when {@code name} is declared; otherwise reports it at {@code at}, with the names that exist. */
    boolean check(YamlNode at, String name) {
        if (has(name)) {
            return true;
        }
        at.problem(Suggest.unknown(what, name, all()));
        return false;
    }
}
