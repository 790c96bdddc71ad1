package io.microshop.bench;

/** The part of a markdown document between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}. */
public final class DocsBlock {

    /** The main report's block. */
    static final String BENCH = "bench";
    /** The cost of telemetry's block. */
    static final String TELEMETRY = "bench:telemetry";
    /** A running shop measured as found (bench/shop.sh). */
    static final String SHOP = "bench:shop";
    /** The CPU profiles' block. */
    static final String PROFILE = "bench:profile";
    static final String BEGIN = "<!-- " + BENCH + ":begin -->";
    static final String END = "<!-- " + BENCH + ":end -->";

    private DocsBlock() {
    }

    /** The document with the main report's block replaced. */
    public static String replace(String document, String content) {
        return replace(document, BENCH, content);
    }

    /** The document with the named block's content replaced; a document without the block gets one at its end. */
    public static String replace(String document, String name, String content) {
        String beginMark = "<!-- " + name + ":begin -->";
        String endMark = "<!-- " + name + ":end -->";
        String block = beginMark + "\n" + content.strip() + "\n" + endMark;
        int begin = document.indexOf(beginMark);
        int end = document.indexOf(endMark);
        if (begin < 0 || end < begin) {
            return document.stripTrailing() + "\n\n" + block + "\n";
        }
        return document.substring(0, begin) + block + document.substring(end + endMark.length());
    }
}
