package io.microshop.bench;

/** The part of a markdown document between {@code <!-- bench:begin -->} and {@code <!-- bench:end -->}. */
public final class DocsBlock {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private DocsBlock() {
    }

    /** The document with the block's content replaced; a document without the block gets one at its end. */
    public static String replace(String document, String content) {
        String block = BEGIN + "\n" + content.strip() + "\n" + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document.stripTrailing() + "\n\n" + block + "\n";
        }
        return document.substring(0, begin) + block + document.substring(end + END.length());
    }
}
