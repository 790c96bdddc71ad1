package io.microshop.bench;

/** A figure's target, in words, and whether the figure met it. */
public record Verdict(String target, boolean met) {

    public String metCell() {
        return met ? "yes" : "**no**";
    }
}
