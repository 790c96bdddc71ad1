package io.microshop.web.paging;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered pages by their request, within a budget of bytes: once they hold more, the least
 * recently used are forgotten first. A page larger than the whole budget is not kept.
 */
final class RenderedPages {

    /** A page as rendered: its JSON, the products' version it was read at, and where the next page starts. */
    record Page(long version, byte[] body, long nextAfter, long renderedAt) {

        static final long LAST = -1;
    }

    record Key(long after, int limit) {
    }

    private final long budget;
    private final Map<Key, Page> pages = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RenderedPages(long budget) {
        this.budget = budget;
    }

    synchronized Page get(Key key) {
        return pages.get(key);
    }

    synchronized void put(Key key, Page page) {
        if (page.body().length > budget) {
            return;
        }
        Page replaced = pages.put(key, page);
        bytes += page.body().length - (replaced == null ? 0 : replaced.body().length);
        Iterator<Page> leastRecentlyUsed = pages.values().iterator();
        while (bytes > budget) {
            bytes -= leastRecentlyUsed.next().body().length;
            leastRecentlyUsed.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return pages.size();
    }
}
