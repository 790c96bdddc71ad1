package io.microshop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.testing.NextLink;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void aNextLinkIsFollowedOnTheAddressTheBenchmarkWasGiven() {
        String next = NextLink.of("<http://admin:9080/api/products?after=1000&limit=1000>; rel=\"next\"").orElseThrow();

        assertEquals("http://localhost:8000/api/products?after=1000&limit=1000",
                Catalogue.resolve("http://localhost:8000", next));
        assertEquals("https://shop.example.com/api/products?after=7&limit=2",
                Catalogue.resolve("https://shop.example.com", "/api/products?after=7&limit=2"));
    }

    @Test
    void aLinkHeaderWithoutNextEndsTheCatalogue() {
        assertEquals(Optional.empty(), NextLink.of("<http://admin:9080/api/products?after=0>; rel=\"prev\""));
    }
}
