package io.microshop.web.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RenderedPagesTest {

    private static final RenderedPages.Key FIRST = new RenderedPages.Key(0, 100);
    private static final RenderedPages.Key SECOND = new RenderedPages.Key(100, 100);
    private static final RenderedPages.Key THIRD = new RenderedPages.Key(200, 100);

    @Test
    void aPageIsKeptByItsRequestAndReplacedByANewerRendering() {
        RenderedPages pages = new RenderedPages(1000);
        RenderedPages.Page old = page(1, 300);
        RenderedPages.Page newer = page(2, 200);

        pages.put(FIRST, old);
        assertSame(old, pages.get(FIRST));
        assertNull(pages.get(SECOND));

        pages.put(FIRST, newer);
        assertSame(newer, pages.get(FIRST));
        assertEquals(200, pages.bytes());
        assertEquals(1, pages.size());
    }

    @Test
    void overTheBudgetTheLeastRecentlyUsedAreForgotten() {
        RenderedPages pages = new RenderedPages(1000);
        pages.put(FIRST, page(1, 400));
        pages.put(SECOND, page(1, 400));
        pages.get(FIRST); // now SECOND is the least recently used

        pages.put(THIRD, page(1, 400));

        assertNotNull(pages.get(FIRST));
        assertNull(pages.get(SECOND));
        assertNotNull(pages.get(THIRD));
        assertEquals(800, pages.bytes());
    }

    @Test
    void aPageLargerThanTheWholeBudgetIsNotKeptAndForgetsNothing() {
        RenderedPages pages = new RenderedPages(1000);
        pages.put(FIRST, page(1, 600));

        pages.put(SECOND, page(1, 1001));

        assertNull(pages.get(SECOND));
        assertNotNull(pages.get(FIRST));
        assertEquals(600, pages.bytes());
    }

    private static RenderedPages.Page page(long version, int bytes) {
        return new RenderedPages.Page(version, new byte[bytes], RenderedPages.Page.LAST, System.nanoTime());
    }
}
