package io.microshop.event;

/**
 * The product fields admin and main share, and their limits. admin's API validates against them,
 * the product events carry them, and both databases' columns are this wide (a test of the
 * changelogs checks it).
 */
public final class ProductFields {

    public static final int TITLE_MAX = 200;
    public static final int IMAGE_MAX = 2048;

    private ProductFields() {
    }

    /** @throws MalformedEventException when a title or image is blank or too long */
    static void check(String title, String image) {
        EventFields.require(title != null && !title.isBlank() && title.length() <= TITLE_MAX,
                "title must be 1 to " + TITLE_MAX + " characters, not blank");
        EventFields.require(image != null && !image.isBlank() && image.length() <= IMAGE_MAX,
                "image must be 1 to " + IMAGE_MAX + " characters, not blank");
    }
}
