package io.microshop.web.paging;

import io.microshop.event.ProductsVersion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pages of the product list, kept rendered (JSON) while the products' version in the database
 * ({@link ProductsVersion}) is the one they were read at. Every request reads the version, one
 * indexed statement, so a list never misses a change committed before the request, whichever
 * process or replica made it; only when it moved is the page read and rendered again. The version
 * is also the page's entity tag: a client that sends it back ({@code If-None-Match}) gets a 304
 * while nothing changed, and {@code Cache-Control: no-cache} has browsers ask every time.
 */
@ApplicationScoped
public class ProductPages {

    private static final CacheControl ASK_EVERY_TIME = CacheControl.valueOf("no-cache");

    /**
     * Unshareable, as Hibernate's are (shop-common.xml): closed, the connection goes back to the pool
     * at once. A shareable one would stay with the request until it ends, while the page is read on
     * a second connection: with as many requests at once as the pool has connections, each would
     * hold one and wait for another until the pool's timeout.
     */
    @Resource(lookup = "jdbc/shop", shareable = false)
    DataSource database;

    /** Part of the tag: another version of the service may render the same products differently. */
    @Inject
    @ConfigProperty(name = "service.version", defaultValue = "v1")
    String serviceVersion;

    /**
     * How old a rendered page may be, whatever the version says: a change that did not raise the
     * version (a hand-written UPDATE) shows after this long.
     */
    @Inject
    @ConfigProperty(name = "product-pages.max-age-ms", defaultValue = "10000")
    long maxAgeMillis;

    @Inject
    @ConfigProperty(name = "product-pages.budget-bytes", defaultValue = "8388608")
    long budgetBytes;

    private final Jsonb json = JsonbBuilder.create();
    private RenderedPages pages;

    @PostConstruct
    void start() {
        pages = new RenderedPages(budgetBytes);
    }

    /** The page the request asks for: read by {@code source} unless it is kept rendered at the current version. */
    public <T> Response respond(PageRequest request, UriInfo uri, Request conditions, PageSource<T> source,
                                ToLongFunction<T> id) {
        long version = currentVersion();
        EntityTag tag = new EntityTag(serviceVersion + "." + version);
        Response.ResponseBuilder notModified = conditions.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(ASK_EVERY_TIME).build();
        }
        RenderedPages.Key key = new RenderedPages.Key(request.after(), request.limit());
        RenderedPages.Page page = pages.get(key);
        if (page == null || page.version() != version || isTooOld(page)) {
            page = render(source.page(request.after(), request.limit()), request.limit(), id, version);
            pages.put(key, page);
        }
        Response.ResponseBuilder response = Response.ok(page.body(), MediaType.APPLICATION_JSON_TYPE)
                .tag(tag).cacheControl(ASK_EVERY_TIME);
        if (page.nextAfter() != RenderedPages.Page.LAST) {
            response.link(request.next(uri, page.nextAfter()), "next");
        }
        return response.build();
    }

    private <T> RenderedPages.Page render(List<T> items, int limit, ToLongFunction<T> id, long version) {
        long nextAfter = items.size() == limit ? id.applyAsLong(items.get(items.size() - 1)) : RenderedPages.Page.LAST;
        return new RenderedPages.Page(version, json.toJson(items).getBytes(StandardCharsets.UTF_8), nextAfter,
                System.nanoTime());
    }

    private boolean isTooOld(RenderedPages.Page page) {
        return System.nanoTime() - page.renderedAt() > TimeUnit.MILLISECONDS.toNanos(maxAgeMillis);
    }

    private long currentVersion() {
        try (Connection db = database.getConnection()) {
            return ProductsVersion.read(db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the products' version", e);
        }
    }

    /** Reads a page of products: those after an id, at most {@code limit} of them, in id order. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> page(long after, int limit);
    }
}
